package dev.channels4j.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.channels4j.ChannelsClient;
import dev.channels4j.spring.boot.test.app.TestApplication;
import dev.channels4j.testkit.TestSubscriber;
import dev.channels4j.webhook.WebhookEvent;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureLocalChannels
class AutoConfigureLocalChannelsTest {

  @Autowired
  LocalChannels channels;

  @Autowired
  ChannelsClient client;

  @Autowired
  TestApplication.Presence presence;

  @LocalServerPort
  int port;

  @Test
  void theClientBeanPointsAtTheLocalServer() {
    assertThat(client.toString()).contains("127.0.0.1:" + channels.server().port());
  }

  @Test
  void aSubscriberAuthorizedByTheAppReceivesWhatTheAppPublishes() throws Exception {
    try (TestSubscriber alice = channels.subscriber(Map.of("X-User", "alice"))) {
      alice.subscribe("private-orders.alice");
      assertThat(TestApplication.order(port, "alice", "book")).isEqualTo(200);
      assertThat(alice.awaitEvent("private-orders.alice", "order-created").data()).contains("book");
    }
  }

  @Test
  void theAppsRulesDecideWhatASubscriberMaySee() {
    try (TestSubscriber bob = channels.subscriber(Map.of("X-User", "bob"))) {
      assertThatThrownBy(() -> bob.subscribe("private-orders.alice"));
    }
  }

  @Test
  void theLocalServersWebhooksReachTheAppsListeners() {
    try (TestSubscriber carol = channels.subscriber(Map.of("X-User", "carol"))) {
      carol.subscribe("presence-online");
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(presence.events).contains(new WebhookEvent.MemberAdded("presence-online", "carol")));
    }
  }

  @Test
  void theAuthEndpointsAreTheAppsOwn() {
    assertThat(channels.channelAuthUri()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/pusher/auth"));
    assertThat(channels.userAuthUri()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/pusher/user-auth"));
  }
}
