package consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spring.boot.TransactionalPublisher;
import dev.channels4j.spring.boot.test.AutoConfigureLocalChannels;
import dev.channels4j.spring.boot.test.LocalChannels;
import dev.channels4j.testkit.TestSubscriber;
import dev.channels4j.webhook.WebhookEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The starter in a user's application, on the Boot line of the consumer build that runs it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "management.endpoints.web.exposure.include=health",
    "management.endpoint.health.show-details=always"})
@AutoConfigureLocalChannels
class ConsumerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  LocalChannels channels;

  @Autowired
  JsonCodec codec;

  @Autowired
  ConsumerApplication.Listener listener;

  @Autowired
  MeterRegistry meters;

  @Autowired
  TransactionalPublisher publisher;

  @Test
  void eventDataIsWrittenByTheApplicationsOwnJacksonLine() {
    assertThat(SpringBootVersion.getVersion()).startsWith(System.getProperty("expected.boot"));
    assertThat(codec.toString()).contains("Jackson " + System.getProperty("expected.jackson"));
    assertThat(codec.toJson(Map.of("at", java.time.Instant.EPOCH))).isEqualTo("{\"at\":\"1970-01-01T00:00:00Z\"}");
  }

  @Test
  void aSubscriberAuthorizedByTheAppReceivesWhatTheAppPublishes() throws Exception {
    try (TestSubscriber alice = channels.subscriber(Map.of("X-User", "alice"))) {
      alice.subscribe("private-orders.alice");
      assertThat(post("/orders?owner=alice", Map.of()).statusCode()).isEqualTo(200);
      assertThat(alice.awaitEvent("private-orders.alice", "order-created").data()).contains("1970-01-01T00:00:00Z");
    }
  }

  @Test
  void theAppsEndpointRefusesAnotherUser() throws Exception {
    HttpResponse<String> answer = post("/pusher/auth", Map.of("X-User", "bob"),
        "socket_id=1.2&channel_name=private-orders.alice");
    assertThat(answer.statusCode()).isEqualTo(403);
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

  @Test
  void theHealthIndicatorIsPartOfActuatorHealth() throws Exception {
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/channels4j")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(health.body()).contains("\"UP\"").contains("consecutiveFailures");
  }

  @Test
  void requestsAreTimed() throws Exception {
    post("/orders?owner=dave", Map.of());
    assertThat(meters.get("channels4j.requests").tag("operation", "trigger").timer().count()).isPositive();
  }

  @Test
  void theTransactionalPublisherIsThere() {
    assertThat(publisher).isNotNull();
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private HttpResponse<String> post(String path, Map<String, String> headers) throws Exception {
    return post(path, headers, "");
  }

  private HttpResponse<String> post(String path, Map<String, String> headers, String form) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
