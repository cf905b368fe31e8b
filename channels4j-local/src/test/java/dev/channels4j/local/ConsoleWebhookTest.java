package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.testsupport.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The console's log shows every webhook attempt with its answer. */
class ConsoleWebhookTest {
  @Test
  void aWebhookAndItsAnswerAppearOnTheStream() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(n -> n == 1 ? 500 : 200);
         LocalServer server = LocalServer.builder().port(0).console(0).webhookUrl(receiver.url())
             .webhookInitialBackoff(Duration.ofMillis(10)).build().start();
         RawWebSocket socket = RawWebSocket.connect(server)) {
      HttpClient http = HttpClient.newHttpClient();
      URI events = server.consoleUri().orElseThrow().resolve("/console/api/events");
      List<String> lines = new CopyOnWriteArrayList<>();
      http.sendAsync(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofLines())
          .thenAccept(response -> {
            try (Stream<String> body = response.body()) {
              body.forEach(lines::add);
            } catch (RuntimeException closed) {
              // the server stopped
            }
          });
      socket.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"room\"}}");

      Await.until("the failed attempt and the retry on the stream", () ->
          lines.stream().anyMatch(l -> l.contains("\"type\":\"webhook\"") && l.contains("\"status\":500"))
              && lines.stream().anyMatch(l -> l.contains("\"type\":\"webhook\"") && l.contains("\"status\":200")),
          Duration.ofSeconds(10));
      assertThat(lines).anyMatch(l -> l.contains("channel_occupied"));
    }
  }
}
