package dev.channels4j.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts every event it receives by its {@code id}, over one WebSocket straight to the server
 * (not through the resetting proxy: what is measured is the publishing client, not this socket).
 */
final class SoakSubscriber implements WebSocket.Listener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final IdSet received = new IdSet();
  private final IdSet duplicated = new IdSet();
  private final AtomicLong foreign = new AtomicLong();
  private final AtomicLong lastMessageNanos = new AtomicLong(System.nanoTime());
  private final StringBuilder partial = new StringBuilder();
  private final CountDownLatch subscribed;
  private final CountDownLatch connected = new CountDownLatch(1);
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile WebSocket socket;

  private SoakSubscriber(int channels) {
    this.subscribed = new CountDownLatch(channels);
  }

  static SoakSubscriber connect(URI uri, List<String> channels) throws Exception {
    SoakSubscriber subscriber = new SoakSubscriber(channels.size());
    subscriber.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, subscriber).get(10, TimeUnit.SECONDS);
    if (!subscriber.connected.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no pusher:connection_established within 10 s");
    }
    for (String channel : channels) {
      subscriber.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
    }
    if (!subscriber.subscribed.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("not every subscription succeeded within 10 s");
    }
    return subscriber;
  }

  private synchronized void send(String text) {
    socket.sendText(text, true).join();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      handle(text);
    }
    webSocket.request(1);
    return null;
  }

  private void handle(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      String event = message.path("event").asText();
      switch (event) {
        case "pusher:connection_established" -> connected.countDown();
        case "pusher_internal:subscription_succeeded" -> subscribed.countDown();
        case "pusher:ping" -> send("{\"event\":\"pusher:pong\",\"data\":{}}");
        case "soak" -> {
          lastMessageNanos.set(System.nanoTime());
          String id = JSON.readTree(message.path("data").asText()).path("id").asText();
          if (!IdSet.isId(id)) {
            foreign.incrementAndGet();
          } else if (!received.add(id)) {
            duplicated.add(id);
          }
        }
        default -> {
          if (event.equals("pusher:error")) {
            System.err.println("subscriber got " + text);
          }
        }
      }
    } catch (Exception e) {
      System.err.println("subscriber could not read " + text + ": " + e);
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(null);
    System.err.println("subscriber closed by the server: " + statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(null);
    System.err.println("subscriber failed: " + error);
  }

  boolean isClosed() {
    return closed.isDone();
  }

  /** Distinct ids received. */
  IdSet received() {
    return received;
  }

  /** Ids received more than once. */
  IdSet duplicated() {
    return duplicated;
  }

  /** Events received whose id the soak never makes. */
  long foreign() {
    return foreign.get();
  }

  /** Waits until no event has arrived for {@code quietMillis}, at most {@code maxMillis}. */
  void awaitQuiet(long quietMillis, long maxMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
    while (System.nanoTime() < deadline
        && System.nanoTime() - lastMessageNanos.get() < TimeUnit.MILLISECONDS.toNanos(quietMillis)) {
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      socket.abort();
    }
  }
}
