package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import dev.channels4j.protocol.SocketMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserAuthenticationTest {
  @RegisterExtension
  static final LocalServerExtension SERVER = LocalServerExtension.perClass(server -> server.userAuthentication(true));

  @Test
  void signInAnswersWithUserData(Peer subscriber) {
    SocketMessage success = subscriber.signIn(UserData.of("42"));
    assertThat((String) Peer.dataMap(success).get("user_data")).contains("\"id\":\"42\"");
  }

  @Test
  void badSignInSignatureClosesWith4009(Peer subscriber) {
    subscriber.send("{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"app-key:00\",\"user_data\":\"{\\\"id\\\":\\\"1\\\"}\"}}");
    assertThat(Peer.errorCode(subscriber.awaitEvent("pusher:error"))).hasValue(4009);
    assertThat(subscriber.awaitClose().code()).isEqualTo(4009);
  }

  @Test
  void serverToUserChannelIsOpenToThatUser(ChannelsClient client, Peer subscriber) {
    subscriber.signIn(UserData.of("7"));
    subscriber.subscribe("#server-to-user-7");
    client.sendToUser("7", "notice", Map.of("n", 1));
    assertThat(Peer.dataMap(subscriber.awaitEvent("#server-to-user-7", "notice"))).containsEntry("n", 1);
  }

  @Test
  void serverToUserChannelIsClosedToOtherUsers(Peer subscriber) {
    subscriber.signIn(UserData.of("8"));
    assertThatThrownBy(() -> subscriber.subscribe("#server-to-user-9"))
        .hasMessageContaining("only open to the connections signed in as user 9");
  }

  @Test
  void serverToUserChannelIsClosedToAnonymousConnections(Peer subscriber) {
    assertThatThrownBy(() -> subscriber.subscribe("#server-to-user-9"))
        .hasMessageContaining("has not signed in");
  }

  @Test
  void terminateClosesEverySignedInConnectionOfTheUser(ChannelsClient client, Peer first,
      Peer second, Peer presenceOnly, Peer otherUser) {
    first.signIn(UserData.of("t1"));
    second.signIn(UserData.of("t1"));
    presenceOnly.subscribePresence("presence-t", PresenceMember.of("t1"));
    otherUser.signIn(UserData.of("t2"));
    client.terminateUserConnections("t1");
    assertThat(first.awaitClose().code()).isEqualTo(4009);
    assertThat(second.awaitClose().code()).isEqualTo(4009);
    assertThat(first.events()).anySatisfy(e -> assertThat(e.event()).isEqualTo("pusher:error"));
    presenceOnly.sync();
    otherUser.sync();
    assertThat(presenceOnly.isClosed()).isFalse();
    assertThat(otherUser.isClosed()).isFalse();
  }

  @Test
  void watchlistReportsInitialStateAndChanges(LocalServer server, Peer watcher) {
    try (Peer online = Peer.connect(server)) {
      online.signIn(UserData.of("friend-1"));
      watcher.signIn(UserData.of("watcher").watchlist(List.of("friend-1", "friend-2")));
      SocketMessage initial = watcher.awaitEvent("pusher_internal:watchlist_events");
      assertThat(initial.data()).isEqualTo(
          "{\"events\":[{\"name\":\"online\",\"user_ids\":[\"friend-1\"]},{\"name\":\"offline\",\"user_ids\":[\"friend-2\"]}]}");
      try (Peer friend2 = Peer.connect(server)) {
        friend2.signIn(UserData.of("friend-2"));
        assertThat(watcher.awaitEvent("pusher_internal:watchlist_events").data())
            .isEqualTo("{\"events\":[{\"name\":\"online\",\"user_ids\":[\"friend-2\"]}]}");
      }
      assertThat(watcher.awaitEvent("pusher_internal:watchlist_events").data())
          .isEqualTo("{\"events\":[{\"name\":\"offline\",\"user_ids\":[\"friend-2\"]}]}");
    }
  }

  @Test
  void signInAsAnotherUserOnSameConnectionIsRefused(Peer subscriber) {
    subscriber.signIn(UserData.of("first"));
    assertThatThrownBy(() -> subscriber.signIn(UserData.of("second"))).hasMessageContaining("already signed in");
  }

  @Test
  void signInIsRefusedWhenTheAppDisablesIt() {
    try (LocalServer server = LocalServer.builder().port(0).build().start();
        Peer subscriber = Peer.connect(server)) {
      assertThatThrownBy(() -> subscriber.signIn(UserData.of("1"))).hasMessageContaining("not enabled");
      assertThat(subscriber.isClosed()).isFalse();
    }
  }

  @Test
  void badSignInWithALongNonAsciiUserDataStillClosesWith4009(Peer subscriber) {
    String name = "\u00e9\u00e8\u00ea".repeat(60);
    subscriber.send("{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"app-key:00\",\"user_data\":\"{\\\"id\\\":\\\""
        + name + "\\\"}\"}}");
    assertThat(subscriber.awaitClose().code()).isEqualTo(4009);
  }

  @Test
  void presenceMembershipDoesNotMakeAUserSignedInForTerminate(LocalServer server, ChannelsClient client,
      Peer presenceOnly) {
    presenceOnly.subscribePresence("presence-not-signed", PresenceMember.of("p1"));
    client.terminateUserConnections("p1");
    presenceOnly.sync();
    assertThat(presenceOnly.isClosed()).isFalse();
    assertThat(server.members("presence-not-signed")).containsOnlyKeys("p1");
  }
}
