package securedreactiveconsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.channels4j.spring.boot.test.AutoConfigureLocalChannels;
import dev.channels4j.spring.boot.test.LocalChannels;
import dev.channels4j.testkit.TestSubscriber;
import dev.channels4j.webhook.WebhookEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's test, as written, against Spring Security's reactive defaults on this Boot line. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.security.user.name=alice", "spring.security.user.password=password"})
@AutoConfigureLocalChannels
class SecuredReactiveConsumerTest {
  @Autowired
  LocalChannels channels;

  @Autowired
  SecuredReactiveConsumerApplication.OrderService orders;

  @Autowired
  SecuredReactiveConsumerApplication.Presence presence;

  @Test
  void theOwnerSeesANewOrderLive() {
    try (TestSubscriber alice = channels.subscriberWithBasicAuth("alice", "password")) {
      alice.subscribe("private-orders.alice");               // authorized by the app's own /pusher/auth
      orders.create("alice", "teapot");
      assertThat(alice.awaitEvent("private-orders.alice", "order-created").data()).contains("teapot");
    }
  }

  @Test
  void theAppsRuleRefusesAnotherUsersChannelAndTheRefusalSaysSo() {
    try (TestSubscriber alice = channels.subscriberWithBasicAuth("alice", "password")) {
      assertThatThrownBy(() -> alice.subscribe("private-orders.bob"))
          .hasMessageContaining("answered 403: {\"error\":\"refused\"}").hasMessageContaining("rule");
    }
  }

  /**
   * Spring Security's reactive chain checks the CSRF token before HTTP basic, and a subscriber that
   * cannot log in gets no token: the refusal is CSRF's 403, and says so.
   */
  @Test
  void wrongCredentialsAreRefusedWithTheLikelyCause() {
    try (TestSubscriber mallory = channels.subscriberWithBasicAuth("alice", "wrong")) {
      assertThatThrownBy(() -> mallory.subscribe("private-orders.alice"))
          .hasMessageContaining("answered 403").hasMessageContaining("CSRF");
    }
  }

  @Test
  void webhooksReachTheAppThroughItsSecurity() {
    try (TestSubscriber alice = channels.subscriberWithBasicAuth("alice", "password")) {
      alice.subscribe("presence-online");
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
          assertThat(presence.events).contains(new WebhookEvent.MemberAdded("presence-online", "alice")));
    }
  }
}
