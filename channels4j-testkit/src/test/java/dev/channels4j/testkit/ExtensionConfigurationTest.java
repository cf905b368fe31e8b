package dev.channels4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.local.LocalServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionConfigurationTest {
  @RegisterExtension
  static LocalChannelsExtension channels =
      LocalChannelsExtension.configuring(server -> server.clientEvents(true).userAuthentication(true));

  @Test
  void serverFollowsTheConfiguration(LocalServer server) {
    assertThat(server.defaultApp().clientEvents()).isTrue();
    assertThat(server.defaultApp().userAuthentication()).isTrue();
    assertThat(server.host()).isEqualTo("127.0.0.1");
  }

  @Test
  void injectedClientTalksToTheServer(LocalServer server, ChannelsClient client, TestSubscriber subscriber) {
    subscriber.subscribe("injected");
    client.trigger("injected", "e", "d");
    subscriber.awaitEvent("injected", "e");
    assertThat(server.app().connectionCount()).isEqualTo(1);
  }

  @Test
  void eachSubscriberParameterIsItsOwnConnection(TestSubscriber a, TestSubscriber b) {
    assertThat(a.socketId()).isNotEqualTo(b.socketId());
  }

  @Test
  void timeoutFailureNamesWhatWasAwaitedAndWhatArrived(TestSubscriber subscriber) {
    subscriber.subscribe("quiet-channel");
    assertThatThrownBy(() -> subscriber.awaitEvent(e -> e.event().equals("never"), "event never on quiet-channel",
        Duration.ofMillis(100)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("timed out after 100 ms waiting for event never on quiet-channel")
        .hasMessageContaining("pusher:connection_established");
  }
}
