package securedconsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.spring.boot.test.AutoConfigureLocalChannels;
import dev.channels4j.spring.boot.test.LocalChannels;
import dev.channels4j.testkit.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's test, as written, against Spring Security's defaults on this Boot line. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.security.user.name=alice", "spring.security.user.password=password"})
@AutoConfigureLocalChannels
class SecuredConsumerTest {
  @Autowired
  LocalChannels channels;

  @Autowired
  SecuredConsumerApplication.OrderService orders;

  @Test
  void theOwnerSeesANewOrderLive() {
    try (TestSubscriber alice = channels.subscriberWithBasicAuth("alice", "password")) {
      alice.subscribe("private-orders.alice");               // authorized by the app's own /pusher/auth
      orders.create("alice", "teapot");
      assertThat(alice.awaitEvent("private-orders.alice", "order-created").data()).contains("teapot");
    }
  }

  @Test
  void wrongCredentialsAreRefusedWithTheLikelyCause() {
    try (TestSubscriber mallory = channels.subscriberWithBasicAuth("alice", "wrong")) {
      assertThatThrownBy(() -> mallory.subscribe("private-orders.alice"))
          .hasMessageContaining("answered 401").hasMessageContaining("credentials");
    }
  }
}
