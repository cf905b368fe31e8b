package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.RawResponse;
import dev.channels4j.auth.UserData;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Any user id that can sign in can be addressed: sendToUser and terminateUserConnections with ids
 * like {@code auth0|123}, escaped in the path and signed as sent, against the local server.
 */
class UserIdAddressingTest {
  @RegisterExtension
  static final LocalServerExtension SERVER = LocalServerExtension.perClass(server -> server.userAuthentication(true));

  @ParameterizedTest
  @ValueSource(strings = {"auth0|123", "a b", "a/b", "user@example.com", "ü-ñ", "a?b#c", "50%"})
  void sendToUserReachesAUserWithAnyId(String userId, ChannelsClient client, Peer subscriber) {
    subscriber.signIn(UserData.of(userId));
    subscriber.subscribe("#server-to-user-" + userId);

    client.sendToUser(userId, "notice", Map.of("n", 1));

    assertThat(Peer.dataMap(subscriber.awaitEvent("#server-to-user-" + userId, "notice"))).containsEntry("n", 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"auth0|123", "a b", "a/b", "ü-ñ", "a?b#c", "50%", "a+b"})
  void terminateClosesTheConnectionsOfAUserWithAnyId(String userId, ChannelsClient client, Peer user,
      Peer other) {
    user.signIn(UserData.of(userId));
    other.signIn(UserData.of(userId + "-other"));

    client.terminateUserConnections(userId);

    assertThat(user.awaitClose().code()).isEqualTo(4009);
    other.sync();
    assertThat(other.isClosed()).isFalse();
  }

  @Test
  void aUserIdOf200CharactersIsAddressable(ChannelsClient client, Peer subscriber) {
    String userId = "u".repeat(199) + "|";
    subscriber.signIn(UserData.of(userId));
    subscriber.subscribe("#server-to-user-" + userId);

    client.sendToUser(userId, "notice", "{}");

    assertThat(subscriber.awaitEvent("#server-to-user-" + userId, "notice")).isNotNull();
  }

  @Test
  void theServerRefusesAServerToUserChannelWithoutAUser(LocalServer server) {
    HttpResponse<String> response = new RawApi(server)
        .post("/apps/app-id/events", "{\"name\":\"e\",\"channel\":\"#server-to-user-\",\"data\":\"d\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("names no user");
  }

  // ---- the signed escape hatch against a server that checks every signature ------------------

  @Test
  void escapeHatchGetIsAcceptedAndAnswered(ChannelsClient client, Peer subscriber) {
    subscriber.subscribe("escape-a");

    RawResponse response = client.get("/channels", Map.of("filter_by_prefix", "escape-"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("\"escape-a\"");
  }

  @Test
  void escapeHatchPostIsAcceptedAndDelivered(ChannelsClient client, Peer subscriber) {
    subscriber.subscribe("escape-b");

    client.post("/events", Map.of("name", "raw", "channels", List.of("escape-b"), "data", "{\"x\":1}"));

    assertThat(Peer.dataMap(subscriber.awaitEvent("escape-b", "raw"))).containsEntry("x", 1);
  }

  @Test
  void escapeHatchPostToAPercentEncodedPathIsSignedAsSent(ChannelsClient client, Peer user) {
    user.signIn(UserData.of("auth0|9"));

    client.post("/users/auth0%7C9/terminate_connections", "{}");

    assertThat(user.awaitClose().code()).isEqualTo(4009);
  }
}
