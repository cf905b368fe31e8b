package dev.channels4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.ChannelType;
import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.local.LocalServer;
import dev.channels4j.local.internal.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket client of the Channels protocol for tests, on the JDK's WebSocket client. It
 * connects, subscribes to every channel type (authorizing private, presence and encrypted channels
 * through a {@link ChannelsClient}, and decrypting encrypted events), signs in, sends client events,
 * and waits for events with a timeout and a failure message that lists what did arrive.
 *
 * <pre>{@code
 * try (TestSubscriber alice = TestSubscriber.connect(server)) {
 *   alice.subscribe("private-orders");
 *   client.trigger("private-orders", "created", Map.of("id", 42));
 *   assertThat(alice.awaitEvent("private-orders", "created").dataMap()).containsEntry("id", 42);
 * }
 * }</pre>
 *
 * <p>Each {@code await} takes the first matching message not taken by an earlier {@code await};
 * {@link #events()} keeps them all. Thread-safe.
 */
public final class TestSubscriber implements AutoCloseable {
  /** How long {@code await} methods wait unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static volatile HttpClient sharedHttp;

  private final ChannelsClient authorizer;
  private final boolean ownsAuthorizer;
  private final Duration timeout;
  private final Object monitor = new Object();
  private final List<ReceivedEvent> history = new ArrayList<>();
  private final List<ReceivedEvent> pending = new ArrayList<>();
  private final Map<String, byte[]> sharedSecrets = new HashMap<>();
  private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final Object sendLock = new Object();
  private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
  private volatile WebSocket socket;
  private String socketId;

  private TestSubscriber(ChannelsClient authorizer, boolean ownsAuthorizer, Duration timeout) {
    this.authorizer = authorizer;
    this.ownsAuthorizer = ownsAuthorizer;
    this.timeout = timeout;
  }

  /** Connects to the default app of a server, authorizing with a client of that app. */
  public static TestSubscriber connect(LocalServer server) {
    ChannelsClient client = server.newClient();
    try {
      return connect(server.webSocketUri(), client, true, DEFAULT_TIMEOUT);
    } catch (RuntimeException | Error e) {
      client.close();
      throw e;
    }
  }

  /** Connects to the default app of a server, authorizing with the given client (not closed by this subscriber). */
  public static TestSubscriber connect(LocalServer server, ChannelsClient authorizer) {
    return connect(server.webSocketUri(), authorizer, false, DEFAULT_TIMEOUT);
  }

  /**
   * Connects to any Channels WebSocket URI ({@code ws://host:port/app/<key>?protocol=7}).
   *
   * @param authorizer signs private, presence and encrypted subscriptions and sign-ins; may be null for public channels only
   */
  public static TestSubscriber connect(URI uri, ChannelsClient authorizer, Duration timeout) {
    return connect(uri, authorizer, false, timeout);
  }

  private static TestSubscriber connect(URI uri, ChannelsClient authorizer, boolean owns, Duration timeout) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(timeout, "timeout");
    TestSubscriber subscriber = new TestSubscriber(authorizer, owns, timeout);
    try {
      subscriber.socket = http().newWebSocketBuilder().connectTimeout(timeout)
          .buildAsync(uri, subscriber.new Listener()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("could not connect to " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while connecting to " + uri, e);
    }
    ReceivedEvent established = subscriber.awaitEvent(
        e -> e.event().equals("pusher:connection_established") || e.event().equals("pusher:error"),
        "pusher:connection_established", timeout);
    if (established.event().equals("pusher:error")) {
      subscriber.close();
      throw new AssertionError("connection to " + uri + " refused: " + established.data());
    }
    subscriber.socketId = String.valueOf(established.dataMap().get("socket_id"));
    return subscriber;
  }

  private static HttpClient http() {
    HttpClient client = sharedHttp;
    if (client == null) {
      synchronized (TestSubscriber.class) {
        if (sharedHttp == null) {
          sharedHttp = HttpClient.newHttpClient();
        }
        client = sharedHttp;
      }
    }
    return client;
  }

  /** The socket id the server gave this connection. */
  public String socketId() {
    return socketId;
  }

  /**
   * Subscribes and waits for {@code pusher_internal:subscription_succeeded}; private and encrypted
   * channels are authorized through the client. Fails with the server's error message when refused.
   * For presence channels use {@link #subscribePresence}.
   */
  public ReceivedEvent subscribe(String channel) {
    ObjectNode data = Json.object().put("channel", channel);
    if (ChannelType.of(channel) == ChannelType.PRESENCE) {
      throw new IllegalArgumentException("presence channel " + channel + " needs a member: use subscribePresence");
    }
    if (ChannelType.of(channel).requiresAuthorization()) {
      JsonNode auth = Json.parseOrNull(requireAuthorizer().authorizeChannel(socketId, channel));
      data.put("auth", auth.path("auth").asText());
      if (auth.hasNonNull("shared_secret")) {
        synchronized (monitor) {
          sharedSecrets.put(channel, Base64.getDecoder().decode(auth.get("shared_secret").asText()));
        }
      }
    }
    return sendSubscribe(channel, data);
  }

  /** Subscribes to a presence channel as the member; the result's data holds the member snapshot. */
  public ReceivedEvent subscribePresence(String channel, PresenceMember member) {
    JsonNode auth = Json.parseOrNull(requireAuthorizer().authorizePresenceChannel(socketId, channel, member));
    ObjectNode data = Json.object().put("channel", channel)
        .put("auth", auth.path("auth").asText()).put("channel_data", auth.path("channel_data").asText());
    return sendSubscribe(channel, data);
  }

  private ReceivedEvent sendSubscribe(String channel, ObjectNode data) {
    ObjectNode message = Json.object().put("event", "pusher:subscribe");
    message.set("data", data);
    send(Json.write(message));
    ReceivedEvent reply = awaitEvent(
        e -> channel.equals(e.channel())
            && (e.event().equals("pusher_internal:subscription_succeeded") || e.event().equals("pusher:error")),
        "pusher_internal:subscription_succeeded on " + channel, timeout);
    if (reply.event().equals("pusher:error")) {
      throw new AssertionError("subscription to " + channel + " refused: " + reply.data());
    }
    return reply;
  }

  /** Sends {@code pusher:unsubscribe} (the server does not answer). */
  public void unsubscribe(String channel) {
    ObjectNode message = Json.object().put("event", "pusher:unsubscribe");
    message.putObject("data").put("channel", channel);
    send(Json.write(message));
  }

  /** Signs in as the user (authenticated through the client) and waits for {@code pusher:signin_success}. */
  public ReceivedEvent signIn(UserData user) {
    JsonNode auth = Json.parseOrNull(requireAuthorizer().authenticateUser(socketId, user));
    ObjectNode message = Json.object().put("event", "pusher:signin");
    message.putObject("data").put("auth", auth.path("auth").asText()).put("user_data", auth.path("user_data").asText());
    send(Json.write(message));
    ReceivedEvent reply = awaitEvent(
        e -> e.event().equals("pusher:signin_success") || e.event().equals("pusher:error"),
        "pusher:signin_success", timeout);
    if (reply.event().equals("pusher:error")) {
      throw new AssertionError("sign-in as " + user.id() + " refused: " + reply.data());
    }
    return reply;
  }

  /** Sends a client event; {@code data} is sent as JSON (a String as a JSON string). */
  public void trigger(String channel, String event, Object data) {
    ObjectNode message = Json.object().put("event", event).put("channel", channel);
    message.set("data", Json.MAPPER.valueToTree(data));
    send(Json.write(message));
  }

  /** The JDK WebSocket allows one send at a time: chain each after the previous. */
  private CompletableFuture<?> sendAsync(String text) {
    synchronized (sendLock) {
      CompletableFuture<?> next = lastSend.handle((r, e) -> null).thenCompose(ignored -> socket.sendText(text, true));
      lastSend = next;
      return next;
    }
  }

  /** Sends a raw text frame, for protocol tests. */
  public void send(String text) {
    try {
      sendAsync(text).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("could not send " + text + ": " + e, e);
    }
  }

  /**
   * Sends {@code pusher:ping} and waits for the pong: afterwards, everything the server sent in
   * answer to earlier messages has arrived. Use it to assert that something did not happen.
   */
  public void sync() {
    send("{\"event\":\"pusher:ping\",\"data\":{}}");
    awaitEvent(e -> e.event().equals("pusher:pong"), "pusher:pong", timeout);
  }

  /** Waits for the event on the channel. */
  public ReceivedEvent awaitEvent(String channel, String event) {
    return awaitEvent(e -> event.equals(e.event()) && Objects.equals(channel, e.channel()),
        "event " + event + " on channel " + channel, timeout);
  }

  /** Waits for a connection-level event such as {@code pusher:error}. */
  public ReceivedEvent awaitEvent(String event) {
    return awaitEvent(e -> event.equals(e.event()), "event " + event, timeout);
  }

  /** Waits for a message matching the predicate; fails with the description and what did arrive. */
  public ReceivedEvent awaitEvent(Predicate<ReceivedEvent> match, String description, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (monitor) {
      while (true) {
        for (int i = 0; i < pending.size(); i++) {
          if (match.test(pending.get(i))) {
            return pending.remove(i);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed.isDone() && pending.stream().noneMatch(match)) {
          String state = closed.isDone() ? " (connection closed: " + closed.join() + ")" : "";
          throw new AssertionError("timed out after " + wait.toMillis() + " ms waiting for " + description + state
              + "; received so far: " + summary(history));
        }
        try {
          monitor.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for " + description, e);
        }
      }
    }
  }

  /** Waits for {@code count} matching events on the channel and returns them in arrival order. */
  public List<ReceivedEvent> awaitEvents(String channel, String event, int count) {
    List<ReceivedEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = i;
      events.add(awaitEvent(e -> event.equals(e.event()) && Objects.equals(channel, e.channel()),
          "event " + event + " on channel " + channel + " (#" + (n + 1) + " of " + count + ")", timeout));
    }
    return events;
  }

  /** Every message received so far, in order, awaited or not. */
  public List<ReceivedEvent> events() {
    synchronized (monitor) {
      return List.copyOf(history);
    }
  }

  /** Every message received so far on the channel with the name. */
  public List<ReceivedEvent> events(String channel, String event) {
    return events().stream().filter(e -> event.equals(e.event()) && Objects.equals(channel, e.channel())).toList();
  }

  /** Waits until the server closes the connection and returns the close code and reason. */
  public CloseStatus awaitClose() {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the connection was not closed within " + timeout.toMillis() + " ms; received: "
          + summary(events()));
    } catch (Exception e) {
      throw new AssertionError("failed waiting for close: " + e, e);
    }
  }

  /** Whether the server has closed the connection. */
  public boolean isClosed() {
    return closed.isDone();
  }

  /** Closes the connection (code 1000) and the authorizer when this subscriber created it. */
  @Override
  public void close() {
    try {
      // After the server's close frame there is nobody left to answer ours: waiting would only time out.
      if (socket != null && !socket.isOutputClosed() && !closed.isDone()) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (Exception ignored) {
      // Closing is best effort: the server may have closed first.
    } finally {
      if (socket != null) {
        socket.abort();
      }
      if (ownsAuthorizer && authorizer != null) {
        authorizer.close();
      }
    }
  }

  @Override
  public String toString() {
    return "TestSubscriber[" + socketId + "]";
  }

  private ChannelsClient requireAuthorizer() {
    if (authorizer == null) {
      throw new IllegalStateException("this subscriber has no ChannelsClient to authorize with; connect with one");
    }
    return authorizer;
  }

  private static String summary(List<ReceivedEvent> events) {
    if (events.isEmpty()) {
      return "nothing";
    }
    int shown = Math.min(events.size(), 20);
    StringBuilder out = new StringBuilder();
    for (int i = events.size() - shown; i < events.size(); i++) {
      out.append("\n  ").append(events.get(i).raw());
    }
    if (events.size() > shown) {
      out.append("\n  (").append(events.size() - shown).append(" earlier ones not shown)");
    }
    return out.toString();
  }

  private void received(String text) {
    JsonNode message = Json.parseOrNull(text);
    if (message == null || !message.isObject()) {
      return;
    }
    String event = message.path("event").asText();
    String channel = message.path("channel").isTextual() ? message.get("channel").asText() : null;
    JsonNode dataNode = message.get("data");
    String data = dataNode == null ? null : dataNode.isTextual() ? dataNode.asText() : Json.write(dataNode);
    String userId = message.path("user_id").isTextual() ? message.get("user_id").asText() : null;
    synchronized (monitor) {
      if (channel != null && data != null && !event.startsWith("pusher")) {
        byte[] secret = sharedSecrets.get(channel);
        if (secret != null) {
          data = decrypt(secret, data);
        }
      }
      if (event.equals("pusher:ping") && socket != null) {
        // Answer like a real client, so a long test is not closed for inactivity.
        sendAsync("{\"event\":\"pusher:pong\",\"data\":{}}");
      }
      ReceivedEvent received = new ReceivedEvent(event, channel, data, userId, text);
      history.add(received);
      pending.add(received);
      monitor.notifyAll();
    }
  }

  private static String decrypt(byte[] secret, String envelope) {
    JsonNode box = Json.parseOrNull(envelope);
    if (box == null || !box.path("nonce").isTextual() || !box.path("ciphertext").isTextual()) {
      return envelope;
    }
    try {
      byte[] plain = ChannelEncryption.decryptWithSharedSecret(
          secret, box.get("nonce").asText(), box.get("ciphertext").asText());
      return new String(plain, StandardCharsets.UTF_8);
    } catch (ChannelEncryption.DecryptionException e) {
      return envelope;
    }
  }

  /** The close code and reason the server sent. */
  public record CloseStatus(int code, String reason) {}

  private final class Listener implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        received(text);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      synchronized (monitor) {
        closed.complete(new CloseStatus(statusCode, reason));
        monitor.notifyAll();
      }
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      synchronized (monitor) {
        closed.complete(new CloseStatus(1006, String.valueOf(error)));
        monitor.notifyAll();
      }
    }
  }
}
