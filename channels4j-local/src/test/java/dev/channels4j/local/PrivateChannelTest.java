package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.protocol.SocketMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PrivateChannelTest {
  @RegisterExtension
  static final LocalServerExtension SERVER = LocalServerExtension.perClass();

  private static String subscribeMessage(String channel, String auth) {
    return "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\""
        + (auth == null ? "" : ",\"auth\":\"" + auth + "\"") + "}}";
  }

  @Test
  void authorizedSubscriptionReceivesEvents(ChannelsClient client, Peer subscriber) {
    subscriber.subscribe("private-orders");
    client.trigger("private-orders", "created", "{}");
    subscriber.awaitEvent("private-orders", "created");
  }

  @Test
  void badSignatureIsRefusedWithPusherError(Peer subscriber) {
    subscriber.send(subscribeMessage("private-x", "app-key:" + "0".repeat(64)));
    SocketMessage error = subscriber.awaitEvent("pusher:error");
    assertThat(error.channel()).isEqualTo("private-x");
    assertThat(Peer.dataMap(error)).containsEntry("code", null);
    assertThat((String) Peer.dataMap(error).get("message"))
        .startsWith("Invalid signature: Expected HMAC SHA256 hex digest of " + subscriber.socketId() + ":private-x");
  }

  @Test
  void missingAuthIsRefused(Peer subscriber) {
    subscriber.send(subscribeMessage("private-y", null));
    assertThat((String) Peer.dataMap(subscriber.awaitEvent("pusher:error")).get("message")).contains("needs data.auth");
  }

  @Test
  void authSignedForAnotherSocketIsRefused(ChannelsClient client, Peer subscriber) {
    String signature = client.authorizeChannel("1.1", "private-z").auth();
    subscriber.send(subscribeMessage("private-z", signature));
    assertThat(subscriber.awaitEvent("pusher:error").channel()).isEqualTo("private-z");
  }

  @Test
  void refusedSubscriptionReceivesNoEvents(ChannelsClient client, Peer subscriber) {
    subscriber.send(subscribeMessage("private-refused", "app-key:bad"));
    subscriber.awaitEvent("pusher:error");
    subscriber.subscribe("private-accepted");
    subscriber.assertNotDelivered(client, "private-refused", "leak", "private-accepted");
  }

  @Test
  void duplicateSubscriptionIsRefused(Peer subscriber) {
    subscriber.subscribe("private-twice");
    assertThatThrownBy(() -> subscriber.subscribe("private-twice"))
        .hasMessageContaining("Existing subscription to channel private-twice");
  }

  @Test
  void invalidChannelNameIsRefused(Peer subscriber) {
    subscriber.send(subscribeMessage("bad name!", null));
    assertThat((String) Peer.dataMap(subscriber.awaitEvent("pusher:error")).get("message")).startsWith("Invalid channel name");
  }

  @Test
  void privateCacheChannelNeedsAuth(Peer subscriber) {
    subscriber.send(subscribeMessage("private-cache-prices", null));
    SocketMessage error = subscriber.awaitEvent("pusher:error");
    assertThat(error.channel()).isEqualTo("private-cache-prices");
    assertThat((String) Peer.dataMap(error).get("message")).contains("needs data.auth");
  }

  @Test
  void authorizedPrivateCacheChannelDeliversTheLastEvent(ChannelsClient client, Peer subscriber) {
    client.trigger("private-cache-last", "price", "7");
    subscriber.subscribe("private-cache-last");
    assertThat(subscriber.awaitEvent("private-cache-last", "price").data()).isEqualTo("7");
  }
}
