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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A server with two apps whose switches differ: each app keeps its own switches, channels and webhooks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultipleAppsTest {
  private WebhookReceiver hooks;
  private LocalServer server;
  private ChannelsClient plain;
  private ChannelsClient rich;
  /** Each test's peer on the rich app and on the plain (default) app. */
  private Peer richPeer;
  private Peer plainPeer;

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

  @BeforeEach
  void connectOnePeerPerApp() {
    richPeer = connect("rich", rich);
    plainPeer = connect("app-id", plain);
  }

  @AfterEach
  void closePeers() {
    try {
      richPeer.close();
    } finally {
      plainPeer.close();
    }
  }

  private Peer connect(String appId, ChannelsClient authorizer) {
    return Peer.connect(server.webSocketUri(appId), null, authorizer);
  }

  private static void subscribeAll(String channel, Peer... peers) {
    for (Peer peer : peers) {
      peer.subscribe(channel);
    }
  }

  @Test
  void clientEventsSwitchIsPerApp() {
    try (Peer richReceiver = connect("rich", rich)) {
      subscribeAll("private-switch", richPeer, richReceiver, plainPeer);
      richPeer.trigger("private-switch", "client-on", "1");
      richReceiver.awaitEvent("private-switch", "client-on");
      plainPeer.trigger("private-switch", "client-off", "1");
      assertThat((String) Peer.dataMap(plainPeer.awaitEvent("pusher:error")).get("message")).contains("enable this feature");
    }
  }

  @Test
  void userAuthenticationSwitchIsPerApp() {
    richPeer.signIn(UserData.of("u1"));
    assertThatThrownBy(() -> plainPeer.signIn(UserData.of("u1"))).hasMessageContaining("not enabled");
  }

  @Test
  void subscriptionCountSwitchIsPerApp() {
    subscribeAll("counted-per-app", richPeer, plainPeer);
    richPeer.awaitEvent("counted-per-app", "pusher_internal:subscription_count");
    plainPeer.sync();
    assertThat(plainPeer.events("counted-per-app", "pusher_internal:subscription_count")).isEmpty();
  }

  @Test
  void sameChannelNameInTwoAppsIsTwoChannels() {
    subscribeAll("shared-name", richPeer, plainPeer);
    plain.trigger("shared-name", "for-plain", "1");
    rich.trigger("shared-name", "marker", "2");
    plainPeer.awaitEvent("shared-name", "for-plain");
    richPeer.awaitEvent("shared-name", "marker");
    assertThat(richPeer.events("shared-name", "for-plain")).isEmpty();
  }

  @Test
  void webhooksGoOnlyToTheirAppsUrlsSignedWithItsSecret() throws Exception {
    plainPeer.subscribe("hooked-plain");
    richPeer.subscribe("hooked-rich");
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
