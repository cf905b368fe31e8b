package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.UserData;
import dev.channels4j.webhook.Webhook;
import dev.channels4j.webhook.WebhookEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A server with two apps whose switches differ: each app keeps its own switches, channels and webhooks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultipleAppsTest {
  private WebhookReceiver hooks;
  private LocalServer server;
  private ChannelsClient plain;
  private ChannelsClient rich;

  @BeforeAll
  void start() throws Exception {
    hooks = WebhookReceiver.ok();
    LocalApp richApp = LocalApp.builder().id("rich").key("rich-key").secret("rich-secret")
        .clientEvents(true).userAuthentication(true).subscriptionCount(true).webhookUrl(hooks.url()).build();
    server = LocalServer.builder().port(0).app(richApp).build().start();
    plain = server.newClient();
    rich = server.newClient("rich");
  }

  @AfterAll
  void stop() {
    plain.close();
    rich.close();
    server.close();
    hooks.close();
  }

  private Peer connect(String appId, ChannelsClient authorizer) {
    return Peer.connect(server.webSocketUri(appId), null, authorizer);
  }

  @Test
  void clientEventsSwitchIsPerApp() {
    try (Peer richSender = connect("rich", rich);
        Peer richReceiver = connect("rich", rich);
        Peer plainSender = connect("app-id", plain)) {
      richSender.subscribe("private-switch");
      richReceiver.subscribe("private-switch");
      plainSender.subscribe("private-switch");
      richSender.trigger("private-switch", "client-on", "1");
      richReceiver.awaitEvent("private-switch", "client-on");
      plainSender.trigger("private-switch", "client-off", "1");
      assertThat((String) Peer.dataMap(plainSender.awaitEvent("pusher:error")).get("message")).contains("enable this feature");
    }
  }

  @Test
  void userAuthenticationSwitchIsPerApp() {
    try (Peer richUser = connect("rich", rich);
        Peer plainUser = connect("app-id", plain)) {
      richUser.signIn(UserData.of("u1"));
      assertThatThrownBy(() -> plainUser.signIn(UserData.of("u1"))).hasMessageContaining("not enabled");
    }
  }

  @Test
  void subscriptionCountSwitchIsPerApp() {
    try (Peer richSubscriber = connect("rich", rich);
        Peer plainSubscriber = connect("app-id", plain)) {
      richSubscriber.subscribe("counted-per-app");
      plainSubscriber.subscribe("counted-per-app");
      richSubscriber.awaitEvent("counted-per-app", "pusher_internal:subscription_count");
      plainSubscriber.sync();
      assertThat(plainSubscriber.events("counted-per-app", "pusher_internal:subscription_count")).isEmpty();
    }
  }

  @Test
  void sameChannelNameInTwoAppsIsTwoChannels() {
    try (Peer richSubscriber = connect("rich", rich);
        Peer plainSubscriber = connect("app-id", plain)) {
      richSubscriber.subscribe("shared-name");
      plainSubscriber.subscribe("shared-name");
      plain.trigger("shared-name", "for-plain", "1");
      rich.trigger("shared-name", "marker", "2");
      plainSubscriber.awaitEvent("shared-name", "for-plain");
      richSubscriber.awaitEvent("shared-name", "marker");
      assertThat(richSubscriber.events("shared-name", "for-plain")).isEmpty();
    }
  }

  @Test
  void webhooksGoOnlyToTheirAppsUrlsSignedWithItsSecret() throws Exception {
    try (Peer plainSubscriber = connect("app-id", plain);
        Peer richSubscriber = connect("rich", rich)) {
      plainSubscriber.subscribe("hooked-plain");
      richSubscriber.subscribe("hooked-rich");
      // Webhooks of earlier tests on the rich app may still be arriving: read until ours.
      List<WebhookEvent> events = new ArrayList<>();
      while (!events.contains(new WebhookEvent.ChannelOccupied("hooked-rich"))) {
        WebhookReceiver.Received received = hooks.next();
        assertThat(received.headers().get("X-Pusher-Key")).containsExactly("rich-key");
        Webhook webhook = rich.verifyWebhook(received.headers(), received.body());
        events.addAll(webhook.events());
      }
      assertThat(events).noneMatch(e -> e.toString().contains("hooked-plain"));
    }
  }
}
