package dev.channels4j.examples.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.channels4j.spring.boot.test.AutoConfigureLocalChannels;
import dev.channels4j.spring.boot.test.LocalChannels;
import dev.channels4j.testkit.AuthEndpoint;
import dev.channels4j.testkit.ReceivedEvent;
import dev.channels4j.testkit.TestSubscriber;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The orders sample's key scenarios on WebFlux, against the local Channels server: subscribers
 * authorize through the app's own /pusher/auth (Spring Security's reactive defaults, CSRF on: the
 * subscribers fetch the token the app expects, with no code here), and
 * the local server's webhooks reach the app's /pusher/webhooks. The context is closed after the
 * class, so ReactiveOrdersInTheBrowserTest's browsers never fill this presence log in advance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureLocalChannels
@DirtiesContext
class ReactiveOrdersTest {
  static final Duration WAIT = Duration.ofSeconds(10);

  @LocalServerPort
  int port;

  @Autowired
  LocalChannels channels;

  @Autowired
  PresenceLog presenceLog;

  @Test
  void anOrderCreatedThroughTheApiReachesItsOwnersSubscriber() throws Exception {
    SignedIn alice = new SignedIn(port, "alice");
    try (TestSubscriber page = channels.subscriberWithBasicAuth("alice", SignedIn.PASSWORD)) {
      page.subscribe("private-orders.alice");

      HttpResponse<String> created = alice.postJson("/api/orders", "{\"item\":\"a blue teapot\"}");

      assertThat(created.statusCode()).isEqualTo(201);
      ReceivedEvent event = page.awaitEvent("private-orders.alice", "order-created");
      assertThat(event.data()).contains("\"item\":\"a blue teapot\"").contains("\"owner\":\"alice\"");
    }
  }

  @Test
  void aUserCannotSubscribeToAnotherUsersOrders() throws Exception {
    SignedIn alice = new SignedIn(port, "alice");
    HttpResponse<String> answer = alice.postForm("/pusher/auth", "socket_id=1.1&channel_name=private-orders.bob");
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).isEqualTo("{\"error\":\"refused\"}");
  }

  /** LocalChannels' subscribers fetch the token as a page would; this one is built by hand without it. */
  @Test
  void withoutTheCsrfTokenSpringSecurityRefusesTheAuthRequest() {
    AuthEndpoint withoutToken = AuthEndpoint.builder().channelAuthorization(channels.channelAuthUri())
        .header("Authorization", SignedIn.basic("alice")).build();
    try (TestSubscriber page = TestSubscriber.connect(channels.server(), withoutToken)) {
      assertThat(catchThrowable(() -> page.subscribe("private-orders.alice")))
          .isInstanceOf(AssertionError.class).hasMessageContaining("403");
    }
  }

  @Test
  void eachSignedInUserIsShownOnlineAndTheAppHearsItThroughWebhooks() {
    try (TestSubscriber page = channels.subscriberWithBasicAuth("bob", SignedIn.PASSWORD)) {
      ReceivedEvent joined = page.subscribe("presence-online");

      assertThat(joined.data()).contains("\"bob\"");
      await().atMost(WAIT).until(() -> presenceLog.changes().contains("bob came online"));
    }
  }
}
