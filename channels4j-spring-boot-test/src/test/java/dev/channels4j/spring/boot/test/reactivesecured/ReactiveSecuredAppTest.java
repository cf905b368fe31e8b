package dev.channels4j.spring.boot.test.reactivesecured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.spring.boot.test.AutoConfigureLocalChannels;
import dev.channels4j.spring.boot.test.LocalChannels;
import dev.channels4j.testkit.AuthEndpoint;
import dev.channels4j.testkit.TestSubscriber;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** LocalChannels against a WebFlux application that keeps Spring Security's reactive defaults, CSRF included. */
@SpringBootTest(classes = ReactiveSecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.main.web-application-type=reactive",
        "spring.security.user.name=alice", "spring.security.user.password=password"})
@AutoConfigureLocalChannels
class ReactiveSecuredAppTest {
  @Autowired
  LocalChannels channels;

  @Autowired
  ReactiveSecuredApplication.OrderService orders;

  /** The starter README's test, as written there. */
  @Test
  void theOwnerSeesANewOrderLive() {
    try (TestSubscriber alice = channels.subscriberWithBasicAuth("alice", "password")) {
      alice.subscribe("private-orders.alice");               // authorized by the app's own /pusher/auth
      orders.create("alice", "teapot");
      assertThat(alice.awaitEvent("private-orders.alice", "order-created").data()).contains("teapot");
    }
  }

  @Test
  void theAppsRuleStillRefusesAnotherUsersChannel() {
    try (TestSubscriber alice = channels.subscriberWithBasicAuth("alice", "password")) {
      assertThatThrownBy(() -> alice.subscribe("private-orders.bob")).hasMessageContaining("answered 403");
    }
  }

  /**
   * Unlike on servlet (401): Spring Security's reactive chain checks the CSRF token before HTTP
   * basic, and a subscriber that cannot log in gets no token, so the refusal is CSRF's 403.
   */
  @Test
  void wrongCredentialsAreRefusedWithCsrfs403() {
    try (TestSubscriber mallory = channels.subscriberWithBasicAuth("alice", "wrong")) {
      assertThatThrownBy(() -> mallory.subscribe("private-orders.alice"))
          .hasMessageContaining("answered 403").hasMessageContaining("CSRF");
    }
  }

  @Test
  void aRefusalForAMissingCsrfTokenNamesCsrf() {
    String basic = "Basic " + Base64.getEncoder().encodeToString("alice:password".getBytes(StandardCharsets.UTF_8));
    AuthEndpoint withoutToken = AuthEndpoint.builder().channelAuthorization(channels.channelAuthUri())
        .header("Authorization", basic).build();
    try (TestSubscriber alice = TestSubscriber.connect(channels.server(), withoutToken)) {
      assertThatThrownBy(() -> alice.subscribe("private-orders.alice")).hasMessageContaining("CSRF");
    }
  }
}
