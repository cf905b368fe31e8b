package dev.channels4j.local;

import dev.channels4j.testsupport.Fuzz;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WebSocket frames are outside input: whatever text a client sends, the server answers (an error
 * message is fine) or closes that connection with a protocol code, never with 1011 (an internal
 * error), and the connection, if still open, still answers a ping.
 */
class WebSocketFrameFuzzTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalServer server;

  @BeforeAll
  static void start() {
    server = LocalServer.builder().host("127.0.0.1").port(0).clientEvents(true).userAuthentication(true).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anyFrameIsAnsweredOrClosesOnlyItsConnectionWithAProtocolCode() {
    Fuzz.forAll("anyFrame", WebSocketFrameFuzzTest::frame, WebSocketFrameFuzzTest::answeredOrClosedWithAProtocolCode);
  }

  private static void answeredOrClosedWithAProtocolCode(String frame) throws Exception {
    Probe probe = new Probe();
    WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(server.webSocketUri(), probe).get(5, TimeUnit.SECONDS);
    try {
      assertThat(probe.messages.poll(5, TimeUnit.SECONDS)).contains("pusher:connection_established");
      socket.sendText(frame, true).get(5, TimeUnit.SECONDS);
      socket.sendText("{\"event\":\"pusher:ping\",\"data\":{}}", true).get(5, TimeUnit.SECONDS);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      boolean ponged = false;
      while (!ponged && !probe.closed.isDone() && System.nanoTime() < deadline) {
        String message = probe.messages.poll(50, TimeUnit.MILLISECONDS);
        ponged = message != null && message.contains("pusher:pong");
      }
      if (probe.closed.isDone()) {
        assertThat(probe.closed.get()).as("close code").isNotEqualTo(1011);
      } else {
        assertThat(ponged).as("the connection still answers a ping").isTrue();
      }
    } catch (java.util.concurrent.ExecutionException closedWhileSending) {
      assertThat(probe.closed.get(5, TimeUnit.SECONDS)).as("close code").isNotEqualTo(1011);
    } finally {
      socket.abort();
    }
  }

  private static String frame(Fuzz.Gen g) {
    return g.damagedEncodable(() -> g.oneOf(
        () -> {
          String event = g.oneOf(
              () -> g.of("\"pusher:subscribe\"", "\"pusher:unsubscribe\"", "\"pusher:ping\"", "\"pusher:pong\"",
                  "\"pusher:signin\"", "\"client-x\"", "\"pusher:dance\"", "\"pusher_internal:member_added\""),
              () -> FuzzInputs.value(g, 1));
          String data = g.oneOf(
              () -> "{\"channel\":" + FuzzInputs.string(g) + ",\"auth\":" + FuzzInputs.value(g, 1)
                  + ",\"channel_data\":" + FuzzInputs.value(g, 1) + ",\"user_data\":" + FuzzInputs.value(g, 1) + "}",
              () -> FuzzInputs.value(g, 2));
          String channel = FuzzInputs.string(g);
          return "{\"event\":" + event + ",\"data\":" + data + ",\"channel\":" + channel + "}";
        },
        () -> FuzzInputs.value(g, 3)));
  }

  /** Collects the server's messages and its close code. */
  private static final class Probe implements WebSocket.Listener {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }
}
