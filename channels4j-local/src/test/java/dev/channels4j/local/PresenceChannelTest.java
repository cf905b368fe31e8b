package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Info;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.protocol.SocketMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PresenceChannelTest {
  @RegisterExtension
  static final LocalServerExtension SERVER = LocalServerExtension.perClass();

  @Test
  @SuppressWarnings("unchecked")
  void snapshotListsIdsHashAndCount(Peer alice, Peer bob) {
    alice.subscribePresence("presence-snap", PresenceMember.of("alice", Map.of("name", "Alice")));
    SocketMessage succeeded = bob.subscribePresence("presence-snap", PresenceMember.of("bob"));
    Map<String, Object> presence = (Map<String, Object>) Peer.dataMap(succeeded).get("presence");
    assertThat(presence.get("ids")).isEqualTo(List.of("alice", "bob"));
    assertThat(presence.get("count")).isEqualTo(2);
    assertThat((Map<String, Object>) presence.get("hash"))
        .containsEntry("alice", Map.of("name", "Alice")).containsEntry("bob", Map.of());
  }

  @Test
  void memberAddedGoesToOthersNotToTheNewMember(Peer alice, Peer bob) {
    alice.subscribePresence("presence-add", PresenceMember.of("alice"));
    bob.subscribePresence("presence-add", PresenceMember.of("bob", Map.of("x", 1)));
    SocketMessage added = alice.awaitEvent("presence-add", "pusher_internal:member_added");
    assertThat(Peer.dataMap(added)).containsEntry("user_id", "bob").containsEntry("user_info", Map.of("x", 1));
    bob.sync();
    assertThat(bob.events("presence-add", "pusher_internal:member_added")).isEmpty();
  }

  @Test
  void secondConnectionOfSameUserAddsNoMember(LocalServer server, Peer watcher, Peer first,
      Peer second) {
    watcher.subscribePresence("presence-dup", PresenceMember.of("watcher"));
    first.subscribePresence("presence-dup", PresenceMember.of("u"));
    second.subscribePresence("presence-dup", PresenceMember.of("u"));
    watcher.sync();
    assertThat(watcher.events("presence-dup", "pusher_internal:member_added")).hasSize(1);
    assertThat(server.members("presence-dup")).containsOnlyKeys("watcher", "u");
  }

  @Test
  void memberRemovedOnlyWhenLastConnectionOfUserLeaves(Peer watcher, Peer first,
      Peer second) {
    watcher.subscribePresence("presence-rm", PresenceMember.of("watcher"));
    first.subscribePresence("presence-rm", PresenceMember.of("u"));
    second.subscribePresence("presence-rm", PresenceMember.of("u"));
    first.unsubscribe("presence-rm");
    first.sync();
    watcher.sync();
    assertThat(watcher.events("presence-rm", "pusher_internal:member_removed")).isEmpty();
    second.close();
    SocketMessage removed = watcher.awaitEvent("presence-rm", "pusher_internal:member_removed");
    assertThat(Peer.dataMap(removed)).containsEntry("user_id", "u");
  }

  @Test
  void countIsDistinctUsers(ChannelsClient client, Peer a, Peer b, Peer c) {
    a.subscribePresence("presence-count", PresenceMember.of("1"));
    b.subscribePresence("presence-count", PresenceMember.of("1"));
    c.subscribePresence("presence-count", PresenceMember.of("2"));
    assertThat(client.channel("presence-count", Info.USER_COUNT, Info.SUBSCRIPTION_COUNT).userCount()).hasValue(2);
    assertThat(client.channel("presence-count", Info.SUBSCRIPTION_COUNT).subscriptionCount()).hasValue(3);
  }

  @Test
  void presenceWithoutChannelDataIsRefused(ChannelsClient client, Peer subscriber) {
    String auth = client.authorizeChannel(subscriber.socketId(), "private-unused").auth();
    subscriber.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-nodata\",\"auth\":\"" + auth + "\"}}");
    assertThat((String) Peer.dataMap(subscriber.awaitEvent("pusher:error")).get("message")).contains("channel_data");
  }

  @Test
  void oversizedUserInfoIsRefused(Peer subscriber) {
    PresenceMember big = PresenceMember.of("big", Map.of("blob", "x".repeat(1100)));
    assertThatThrownBy(() -> subscriber.subscribePresence("presence-big", big))
        .hasMessageContaining("user_info is too large");
  }

  @Test
  void fullChannelRefusesNewUser() {
    try (LocalServer server = LocalServer.builder().port(0)
            .limits(Limits.builder().maxPresenceMembers(1).build()).build().start();
        Peer a = Peer.connect(server);
        Peer b = Peer.connect(server)) {
      a.subscribePresence("presence-full", PresenceMember.of("a"));
      assertThatThrownBy(() -> b.subscribePresence("presence-full", PresenceMember.of("b")))
          .hasMessageContaining("is full");
    }
  }

  @Test
  void channelDataOtherThanTheSignedOneIsRefused(ChannelsClient client, Peer subscriber) {
    String auth = client.authorizePresenceChannel(subscriber.socketId(), "presence-forged", PresenceMember.of("alice")).auth();
    subscriber.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-forged\",\"auth\":\"" + auth
        + "\",\"channel_data\":\"{\\\"user_id\\\":\\\"mallory\\\"}\"}}");
    SocketMessage error = subscriber.awaitEvent("pusher:error");
    assertThat(error.channel()).isEqualTo("presence-forged");
    assertThat((String) Peer.dataMap(error).get("message")).startsWith("Invalid signature");
    assertThat(subscriber.events("presence-forged", "pusher_internal:subscription_succeeded")).isEmpty();
  }

  @Test
  void presenceCacheChannelNeedsAMemberAndSendsCacheMiss(Peer subscriber) {
    subscriber.subscribePresence("presence-cache-room", PresenceMember.of("u"));
    assertThat(subscriber.awaitEvent("presence-cache-room", "pusher:cache_miss").data()).isEqualTo("{}");
  }
}
