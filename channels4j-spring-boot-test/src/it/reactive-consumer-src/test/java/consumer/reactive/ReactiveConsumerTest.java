package consumer.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.channels4j.spring.boot.test.AutoConfigureLocalChannels;
import dev.channels4j.spring.boot.test.LocalChannels;
import dev.channels4j.testkit.TestSubscriber;
import dev.channels4j.webhook.WebhookEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The starter in a user's WebFlux application: the endpoints answer as on servlet. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureLocalChannels
class ReactiveConsumerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  LocalChannels channels;

  @Autowired
  ReactiveConsumerApplication.Listener listener;

  @Test
  void aSubscriberAuthorizedByTheAppReceivesWhatTheAppPublishes() throws Exception {
    try (TestSubscriber alice = channels.subscriber(Map.of("X-User", "alice"))) {
      alice.subscribe("private-orders.alice");
      assertThat(post("/orders?owner=alice", Map.of(), "").statusCode()).isEqualTo(200);
      assertThat(alice.awaitEvent("private-orders.alice", "order-created").data()).contains("alice");
    }
  }

  @Test
  void theAppsEndpointRefusesAnotherUser() throws Exception {
    HttpResponse<String> answer = post("/pusher/auth", Map.of("X-User", "bob"),
        "socket_id=1.2&channel_name=private-orders.alice");
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).isEqualTo("{\"error\":\"refused\"}");
  }

  @Test
  void aBadSocketIdIs400() throws Exception {
    assertThat(post("/pusher/auth", Map.of("X-User", "alice"), "socket_id=x&channel_name=private-orders.alice")
        .statusCode()).isEqualTo(400);
  }

  @Test
  void webhooksOfTheLocalServerBecomeApplicationEvents() {
    try (TestSubscriber carol = channels.subscriber(Map.of("X-User", "carol"))) {
      carol.subscribe("presence-room");
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
          assertThat(listener.events).contains(new WebhookEvent.MemberAdded("presence-room", "carol")));
    }
  }

  private HttpResponse<String> post(String path, Map<String, String> headers, String form) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
