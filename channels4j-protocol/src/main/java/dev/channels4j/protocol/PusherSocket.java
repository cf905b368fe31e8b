package dev.channels4j.protocol;

import dev.channels4j.protocol.internal.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A small client of the Pusher WebSocket protocol (version 7) on the JDK's WebSocket: connects,
 * subscribes, signs in, answers pings, and keeps every message it receives so callers can wait for
 * the one they expect. It does not reconnect. Thread-safe. The one protocol client of channels4j:
 * the test kit's {@code TestSubscriber}, the CLI's {@code listen} and {@code demo}, and the tests
 * all use it (through {@link Subscriber} when they need authorization or decryption).
 *
 * <p>Kept messages are bounded: at most {@value #MAX_KEPT_MESSAGES} messages and
 * {@value #MAX_KEPT_CHARS} characters. When either is exceeded the oldest half is forgotten (a
 * listener still saw them); {@link #await} from a mark older than that starts at the oldest kept.
 *
 * <pre>{@code
 * try (PusherSocket socket = PusherSocket.connect(uri, Duration.ofSeconds(5), message -> {})) {
 *   socket.subscribe("orders", null, null);
 *   socket.await(0, m -> m.is("pusher_internal:subscription_succeeded", "orders"), Duration.ofSeconds(3));
 * }
 * }</pre>
 */
public final class PusherSocket implements AutoCloseable {
  /** At most this many received messages are kept for {@link #await} and {@link #messages}. */
  public static final int MAX_KEPT_MESSAGES = 50_000;
  /** At most this many characters of received messages are kept. */
  public static final long MAX_KEPT_CHARS = 32L * 1024 * 1024;
  private static volatile HttpClient sharedHttp;

  private final List<SocketMessage> received = new ArrayList<>();
  /** How many messages were forgotten from the front of {@link #received}: marks are absolute. */
  private int forgotten;
  private long keptChars;
  private final Consumer<SocketMessage> listener;
  private final CompletableFuture<String> established = new CompletableFuture<>();
  private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
  private final Object sendLock = new Object();
  private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
  private WebSocket webSocket;
  private String socketId;

  private PusherSocket(Consumer<SocketMessage> listener) {
    this.listener = listener;
  }

  /**
   * Opens a connection and waits for {@code pusher:connection_established}.
   *
   * @param listener called on the receiving thread for every message, after it is kept; it must
   *     not block, or no further message (nor the connection itself) can complete
   * @throws SocketException when the server cannot be reached or refuses the connection
   */
  public static PusherSocket connect(URI uri, Duration timeout, Consumer<SocketMessage> listener) {
    return connect(uri, null, timeout, listener);
  }

  /**
   * As {@link #connect(URI, Duration, Consumer)}, for {@code wss://} with a given trust.
   *
   * @param sslContext the trust for {@code wss://} URIs; null for the JVM's default
   */
  public static PusherSocket connect(URI uri, SSLContext sslContext, Duration timeout, Consumer<SocketMessage> listener) {
    PusherSocket socket = new PusherSocket(listener);
    try {
      socket.webSocket = http(sslContext).newWebSocketBuilder()
          .connectTimeout(timeout)
          .buildAsync(uri, socket.new Receiver())
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new SocketException("cannot open a WebSocket to " + uri + ": " + describe(e.getCause()), e.getCause());
    } catch (TimeoutException e) {
      throw new SocketException("no WebSocket connection to " + uri + " within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SocketException("interrupted while connecting to " + uri, e);
    }
    try {
      socket.socketId = socket.established.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      socket.abort();
      throw new SocketException("connected to " + uri + " but " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      socket.abort();
      throw new SocketException(
          "connected to " + uri + " but no pusher:connection_established arrived within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      socket.abort();
      throw new SocketException("interrupted while connecting to " + uri, e);
    }
    return socket;
  }

  /** A few HTTP clients with their own trust, most recently used kept (each has a selector thread). */
  private static final Map<SSLContext, HttpClient> TLS_CLIENTS = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<SSLContext, HttpClient> eldest) {
      return size() > 8;
    }
  };

  private static HttpClient http(SSLContext sslContext) {
    if (sslContext == null) {
      return http();
    }
    synchronized (TLS_CLIENTS) {
      return TLS_CLIENTS.computeIfAbsent(sslContext, context -> HttpClient.newBuilder().sslContext(context).build());
    }
  }

  /** One JDK HTTP client (and its selector thread) for every connection of the JVM. */
  private static HttpClient http() {
    HttpClient client = sharedHttp;
    if (client == null) {
      synchronized (PusherSocket.class) {
        if (sharedHttp == null) {
          sharedHttp = HttpClient.newHttpClient();
        }
        client = sharedHttp;
      }
    }
    return client;
  }

  /** The id the server gave this connection, {@code 1234.5678}. */
  public String socketId() {
    return socketId;
  }

  /** Subscribes; {@code auth} and {@code channelData} are {@code null} when the channel needs none. */
  public void subscribe(String channel, String auth, String channelData) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("channel", channel);
    if (auth != null) {
      data.put("auth", auth);
    }
    if (channelData != null) {
      data.put("channel_data", channelData);
    }
    send("pusher:subscribe", data);
  }

  public void unsubscribe(String channel) {
    send("pusher:unsubscribe", Map.of("channel", channel));
  }

  /** Signs in with the {@code auth} and {@code user_data} an auth endpoint returned. */
  public void signIn(String auth, String userData) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("auth", auth);
    data.put("user_data", userData);
    send("pusher:signin", data);
  }

  /** Sends a client event ({@code client-...}) on a channel; {@code data} goes as JSON. */
  public void sendEvent(String event, String channel, Object data) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("event", event);
    frame.put("channel", channel);
    frame.put("data", data);
    sendText(Json.write(frame), event);
  }

  /** Sends a raw text frame as is, for protocol tests. */
  public void send(String text) {
    sendText(text, "a frame");
  }

  /**
   * Sends {@code pusher:ping} and waits for the pong: once it is back, everything the server sent
   * before it has arrived. To check that something did not arrive without sleeping.
   *
   * @return whether the pong came within the timeout
   */
  public boolean sync(Duration timeout) {
    int mark = mark();
    send("pusher:ping", Map.of());
    return await(mark, message -> message.event().equals("pusher:pong"), timeout).isPresent();
  }

  /** How many messages have arrived so far: a mark to {@link #await} from. */
  public int mark() {
    synchronized (received) {
      return forgotten + received.size();
    }
  }

  /**
   * The first message at or after {@code fromMark} that matches, waiting up to {@code timeout} for
   * it; empty when none came (or the connection closed first).
   */
  public Optional<SocketMessage> await(int fromMark, Predicate<SocketMessage> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (received) {
      int next = fromMark;
      while (true) {
        for (next = Math.max(next, forgotten); next < forgotten + received.size(); next++) {
          SocketMessage message = received.get(next - forgotten);
          if (match.test(message)) {
            return Optional.of(message);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed.isDone()) {
          return Optional.empty();
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(received, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
    }
  }

  /** Every message at or after {@code fromMark} that matches, without waiting. */
  public List<SocketMessage> messages(int fromMark, Predicate<SocketMessage> match) {
    synchronized (received) {
      int from = Math.min(Math.max(fromMark - forgotten, 0), received.size());
      return received.subList(from, received.size()).stream().filter(match).toList();
    }
  }

  /** Completes with the close code and reason when the connection ends. */
  public CompletableFuture<CloseStatus> closed() {
    return closed;
  }

  /** Closes the connection normally. */
  @Override
  public void close() {
    if (webSocket != null && !webSocket.isOutputClosed() && !closed.isDone()) {
      try {
        synchronized (sendLock) {
          lastSend = lastSend.handle((r, e) -> null)
              .thenCompose(ignored -> webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
        }
        lastSend.get(2, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // Closing is best effort; the server notices the TCP close anyway.
      }
    }
    abort();
  }

  private void abort() {
    if (webSocket != null) {
      webSocket.abort();
    }
    closed.complete(CloseStatus.bySelf());
    wake();
  }

  private void send(String event, Object data) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("event", event);
    frame.put("data", data);
    sendText(Json.write(frame), event);
  }

  private void sendText(String text, String event) {
    if (webSocket == null) {
      throw new SocketException("could not send " + event + ": not connected", null);
    }
    CompletableFuture<?> sent;
    synchronized (sendLock) {
      // The JDK's WebSocket allows one outstanding send: chain them.
      lastSend = lastSend.handle((r, e) -> null).thenCompose(ignored -> webSocket.sendText(text, true));
      sent = lastSend;
    }
    try {
      sent.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      throw new SocketException("could not send " + event + ": " + describe(e.getCause()), e.getCause());
    } catch (TimeoutException e) {
      throw new SocketException("could not send " + event + " within 5 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SocketException("interrupted while sending " + event, e);
    }
  }

  private void receive(String text) {
    SocketMessage message;
    try {
      if (!(Json.parse(text) instanceof Map<?, ?> map) || !(map.get("event") instanceof String event)) {
        return;
      }
      Object data = map.get("data");
      String dataText = data == null ? null : data instanceof String s ? s : Json.write(data);
      message = new SocketMessage(event, stringOrNull(map.get("channel")), dataText, stringOrNull(map.get("user_id")), text);
    } catch (IllegalArgumentException notJson) {
      return;
    }
    // Kept, then shown to the listener, then acted on: whoever reacts to the listener and then takes
    // a mark must find this message before the mark (a pusher:error seen by a test was otherwise
    // taken for the answer to its next subscription), and whoever returns from connect() must find
    // connection_established both in the kept messages and in what the listener collected.
    synchronized (received) {
      received.add(message);
      keptChars += text.length();
      if (received.size() > MAX_KEPT_MESSAGES || keptChars > MAX_KEPT_CHARS) {
        forgetOldestHalf();
      }
      received.notifyAll();
    }
    listener.accept(message);
    if (message.event().equals("pusher:connection_established")) {
      Object id = message.data() == null ? null : Json.parse(message.data()) instanceof Map<?, ?> m ? m.get("socket_id") : null;
      if (id instanceof String socket) {
        established.complete(socket);
      } else {
        established.completeExceptionally(new SocketException("pusher:connection_established carried no socket_id", null));
      }
    } else if (message.event().equals("pusher:ping")) {
      sendQuietly("{\"event\":\"pusher:pong\",\"data\":{}}");
    } else if (message.event().equals("pusher:error") && !established.isDone()) {
      established.completeExceptionally(new SocketException("the server refused the connection: " + message.data(), null));
    }
  }

  private void forgetOldestHalf() {
    List<SocketMessage> oldest = received.subList(0, received.size() / 2);
    for (SocketMessage message : oldest) {
      keptChars -= message.raw().length();
    }
    forgotten += oldest.size();
    oldest.clear();
  }

  private void sendQuietly(String text) {
    synchronized (sendLock) {
      lastSend = lastSend.handle((r, e) -> null).thenCompose(ignored -> webSocket.sendText(text, true));
    }
  }

  private void wake() {
    synchronized (received) {
      received.notifyAll();
    }
  }

  private static String stringOrNull(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static String describe(Throwable error) {
    if (error == null) {
      return "unknown error";
    }
    String message = error.getMessage();
    return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
  }

  /** Assembles fragmented text frames and hands whole messages on. */
  private final class Receiver implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        receive(text);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      CloseStatus status = CloseStatus.byServer(statusCode, reason);
      established.completeExceptionally(new SocketException(status.describe(), null));
      closed.complete(status);
      wake();
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      String why = "connection failed: " + describe(error);
      established.completeExceptionally(new SocketException(why, error));
      closed.complete(CloseStatus.failed(why));
      wake();
    }
  }
}
