package securedreactiveconsumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.spring.boot.test.AutoConfigureLocalChannels;
import dev.channels4j.spring.boot.test.LocalChannels;
import dev.channels4j.testkit.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The README's test with {@code tls = true} on this Boot line: the app's client publishes over HTTPS
 * trusting the local server through the SSL bundle the test support names, the subscriber listens over WSS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.security.user.name=alice", "spring.security.user.password=password"})
@AutoConfigureLocalChannels(tls = true)
class SecuredReactiveConsumerTlsTest {
  @Autowired
  LocalChannels channels;

  @Autowired
  SecuredReactiveConsumerApplication.OrderService orders;

  @Test
  void theOwnerSeesANewOrderLiveOverTls() {
    assertThat(channels.pusherUrl()).startsWith("https://");
    try (TestSubscriber alice = channels.subscriberWithBasicAuth("alice", "password")) {
      alice.subscribe("private-orders.alice");
      orders.create("alice", "teapot");
      assertThat(alice.awaitEvent("private-orders.alice", "order-created").data()).contains("teapot");
    }
  }
}
