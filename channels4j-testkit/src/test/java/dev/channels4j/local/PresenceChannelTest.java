package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Info;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.testkit.LocalChannelsTest;
import dev.channels4j.testkit.ReceivedEvent;
import dev.channels4j.testkit.TestSubscriber;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@LocalChannelsTest
class PresenceChannelTest {

  @Test
  @SuppressWarnings("unchecked")
  void snapshotListsIdsHashAndCount(TestSubscriber alice, TestSubscriber bob) {
    alice.subscribePresence("presence-snap", PresenceMember.of("alice", Map.of("name", "Alice")));
    ReceivedEvent succeeded = bob.subscribePresence("presence-snap", PresenceMember.of("bob"));
    Map<String, Object> presence = (Map<String, Object>) succeeded.dataMap().get("presence");
    assertThat(presence.get("ids")).isEqualTo(List.of("alice", "bob"));
    assertThat(presence.get("count")).isEqualTo(2);
    assertThat((Map<String, Object>) presence.get("hash"))
        .containsEntry("alice", Map.of("name", "Alice")).containsEntry("bob", Map.of());
  }

  @Test
  void memberAddedGoesToOthersNotToTheNewMember(TestSubscriber alice, TestSubscriber bob) {
    alice.subscribePresence("presence-add", PresenceMember.of("alice"));
    bob.subscribePresence("presence-add", PresenceMember.of("bob", Map.of("x", 1)));
    ReceivedEvent added = alice.awaitEvent("presence-add", "pusher_internal:member_added");
    assertThat(added.dataMap()).containsEntry("user_id", "bob").containsEntry("user_info", Map.of("x", 1));
    bob.sync();
    assertThat(bob.events("presence-add", "pusher_internal:member_added")).isEmpty();
  }

  @Test
  void secondConnectionOfSameUserAddsNoMember(LocalServer server, TestSubscriber watcher, TestSubscriber first,
      TestSubscriber second) {
    watcher.subscribePresence("presence-dup", PresenceMember.of("watcher"));
    first.subscribePresence("presence-dup", PresenceMember.of("u"));
    second.subscribePresence("presence-dup", PresenceMember.of("u"));
    watcher.sync();
    assertThat(watcher.events("presence-dup", "pusher_internal:member_added")).hasSize(1);
    assertThat(server.members("presence-dup")).containsOnlyKeys("watcher", "u");
  }

  @Test
  void memberRemovedOnlyWhenLastConnectionOfUserLeaves(TestSubscriber watcher, TestSubscriber first,
      TestSubscriber second) {
    watcher.subscribePresence("presence-rm", PresenceMember.of("watcher"));
    first.subscribePresence("presence-rm", PresenceMember.of("u"));
    second.subscribePresence("presence-rm", PresenceMember.of("u"));
    first.unsubscribe("presence-rm");
    first.sync();
    watcher.sync();
    assertThat(watcher.events("presence-rm", "pusher_internal:member_removed")).isEmpty();
    second.close();
    ReceivedEvent removed = watcher.awaitEvent("presence-rm", "pusher_internal:member_removed");
    assertThat(removed.dataMap()).containsEntry("user_id", "u");
  }

  @Test
  void countIsDistinctUsers(ChannelsClient client, TestSubscriber a, TestSubscriber b, TestSubscriber c) {
    a.subscribePresence("presence-count", PresenceMember.of("1"));
    b.subscribePresence("presence-count", PresenceMember.of("1"));
    c.subscribePresence("presence-count", PresenceMember.of("2"));
    assertThat(client.channel("presence-count", Info.USER_COUNT, Info.SUBSCRIPTION_COUNT).userCount()).hasValue(2);
    assertThat(client.channel("presence-count", Info.SUBSCRIPTION_COUNT).subscriptionCount()).hasValue(3);
  }

  @Test
  void presenceWithoutChannelDataIsRefused(ChannelsClient client, TestSubscriber subscriber) {
    String auth = client.authorizeChannel(subscriber.socketId(), "private-unused").auth();
    subscriber.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-nodata\",\"auth\":\"" + auth + "\"}}");
    assertThat((String) subscriber.awaitEvent("pusher:error").dataMap().get("message")).contains("channel_data");
  }

  @Test
  void oversizedUserInfoIsRefused(TestSubscriber subscriber) {
    PresenceMember big = PresenceMember.of("big", Map.of("blob", "x".repeat(1100)));
    assertThatThrownBy(() -> subscriber.subscribePresence("presence-big", big))
        .hasMessageContaining("user_info is too large");
  }

  @Test
  void fullChannelRefusesNewUser() {
    try (LocalServer server = LocalServer.builder().port(0)
            .limits(Limits.builder().maxPresenceMembers(1).build()).build().start();
        TestSubscriber a = TestSubscriber.connect(server);
        TestSubscriber b = TestSubscriber.connect(server)) {
      a.subscribePresence("presence-full", PresenceMember.of("a"));
      assertThatThrownBy(() -> b.subscribePresence("presence-full", PresenceMember.of("b")))
          .hasMessageContaining("is full");
    }
  }

  @Test
  void channelDataOtherThanTheSignedOneIsRefused(ChannelsClient client, TestSubscriber subscriber) {
    String auth = client.authorizePresenceChannel(subscriber.socketId(), "presence-forged", PresenceMember.of("alice")).auth();
    subscriber.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-forged\",\"auth\":\"" + auth
        + "\",\"channel_data\":\"{\\\"user_id\\\":\\\"mallory\\\"}\"}}");
    ReceivedEvent error = subscriber.awaitEvent("pusher:error");
    assertThat(error.channel()).isEqualTo("presence-forged");
    assertThat((String) error.dataMap().get("message")).startsWith("Invalid signature");
    assertThat(subscriber.events("presence-forged", "pusher_internal:subscription_succeeded")).isEmpty();
  }

  @Test
  void presenceCacheChannelNeedsAMemberAndSendsCacheMiss(TestSubscriber subscriber) {
    subscriber.subscribePresence("presence-cache-room", PresenceMember.of("u"));
    assertThat(subscriber.awaitEvent("presence-cache-room", "pusher:cache_miss").data()).isEqualTo("{}");
  }
}
