package dev.channels4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import dev.channels4j.internal.signing.Hashing;
import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Channel authorization and user authentication through {@link ChannelsClient}, against
 * go-library.md §7.1.2, §7.1.3, §7.1.7 and protocol.md §3, §4. Nothing here touches the network.
 */
class AuthorizationTest {
  private static final String KEY = "278d425bdf160c739803";
  private static final String SECRET = "7ad3773142a6692b25b8";
  /** protocol.md §4: bytes 0..31. */
  private static final String COUNTING_KEY_BASE64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  private final ChannelsClient client = client(KEY, SECRET, null);
  private final ChannelsClient goClient = client("key", "secret", null);
  private final ChannelsClient encrypting = client(KEY, SECRET, COUNTING_KEY_BASE64);

  @AfterEach
  void close() {
    client.close();
    goClient.close();
    encrypting.close();
  }

  // ---- private channels -------------------------------------------------------------------

  @Test
  void privateChannelFromFormMatchesTheGoVector() {
    AuthRequest form = AuthRequest.fromForm("channel_name=private-foobar&socket_id=1234.1234");
    assertThat(client.authorizeChannel(form.socketId(), form.channelName()).toJson())
        .isEqualTo("{\"auth\":\"278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4\"}");
  }

  @Test
  void privateChannelMatchesTheDocsVector() {
    ChannelAuthResponse answer = client.authorizeChannel("1234.1234", "private-foobar");

    assertThat(answer.auth())
        .isEqualTo("278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
    assertThat(answer.channelData()).isEmpty();
    assertThat(answer.sharedSecret()).isEmpty();
  }

  @Test
  void badSocketIdIsRefused() {
    assertThatThrownBy(() -> client.authorizeChannel("12341234", "private-foobar"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("12341234");
  }

  @Test
  void formPlusDecodesToASpaceWhichNoChannelNameMayHold() {
    AuthRequest form = AuthRequest.fromForm("channel_name=private-a+b&socket_id=1.1");
    assertThatThrownBy(() -> client.authorizeChannel(form.socketId(), form.channelName()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("private-a b");
  }

  @Test
  void publicChannelIsNotAuthorized() {
    assertThatThrownBy(() -> client.authorizeChannel("1.1", "public-room"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("needs no authorization");
  }

  @Test
  void presenceChannelIsSentToThePresenceMethod() {
    assertThatThrownBy(() -> client.authorizeChannel("1.1", "presence-room"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("authorizePresenceChannel");
  }

  @Test
  void invalidChannelNameIsRefused() {
    assertThatThrownBy(() -> client.authorizeChannel("1.1", "private-" + "a".repeat(193)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("201 characters");
  }

  // ---- encrypted channels -----------------------------------------------------------------

  @Test
  void encryptedChannelAddsTheSharedSecretOfTheProtocolVector() {
    String body = encrypting.authorizeChannel("1234.1234", "private-encrypted-test").toJson();

    Map<?, ?> response = parse(body);
    assertThat(response.get("shared_secret")).isEqualTo("5sjH9S2/qGAQKjEQMBUG9bIGNd87K7ZV9SHg2rgKilc=");
    assertThat(response.get("auth"))
        .isEqualTo(KEY + ":" + Hashing.hmacSha256Hex(SECRET, "1234.1234:private-encrypted-test"));
    assertThat(List.<Object>copyOf(response.keySet())).containsExactly("auth", "shared_secret");
  }

  @Test
  void encryptedChannelAnswerCarriesTheSharedSecretAsAValue() {
    ChannelAuthResponse answer = encrypting.authorizeChannel("1234.1234", "private-encrypted-test");

    assertThat(answer.sharedSecret()).contains("5sjH9S2/qGAQKjEQMBUG9bIGNd87K7ZV9SHg2rgKilc=");
    assertThat(answer.channelData()).isEmpty();
  }

  @Test
  void plainPrivateChannelHasNoSharedSecretEvenWithAKey() {
    assertThat(encrypting.authorizeChannel("1234.1234", "private-foobar"))
        .isEqualTo(client.authorizeChannel("1234.1234", "private-foobar"));
  }

  @Test
  void encryptedChannelWithoutMasterKeyIsRefused() {
    assertThatThrownBy(() -> client.authorizeChannel("1234.1234", "private-encrypted-test"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("master key");
  }

  // ---- presence channels ------------------------------------------------------------------

  @Test
  void presenceChannelFromFormMatchesTheGoVector() {
    AuthRequest form = AuthRequest.fromForm("channel_name=presence-foobar&socket_id=1234.1234");
    String body = client.authorizePresenceChannel(
        form.socketId(), form.channelName(), PresenceMember.of("10", Map.of("name", "Mr. Pusher"))).toJson();

    assertThat(body).isEqualTo(
        "{\"auth\":\"278d425bdf160c739803:48dac51d2d7569e1e9c0f48c227d4b26f238fa68e5c0bb04222c966909c4f7c4\","
            + "\"channel_data\":\"{\\\"user_id\\\":\\\"10\\\",\\\"user_info\\\":{\\\"name\\\":\\\"Mr. Pusher\\\"}}\"}");
  }

  @Test
  void presenceChannelWithoutUserInfoOmitsIt() {
    ChannelAuthResponse answer = client.authorizePresenceChannel("1.1", "presence-room", PresenceMember.of("7"));

    assertThat(answer.channelData()).contains("{\"user_id\":\"7\"}");
  }

  @Test
  void presenceChannelWithEmptyUserInfoOmitsIt() {
    ChannelAuthResponse answer = client.authorizePresenceChannel("1.1", "presence-room", PresenceMember.of("7", Map.of()));

    assertThat(answer.channelData()).contains("{\"user_id\":\"7\"}");
  }

  @Test
  void signedChannelDataIsExactlyTheReturnedChannelData() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("name", "Ada \"<&>\" Lovelace ✓");
    info.put("tags", List.of("a", 1, true));
    ChannelAuthResponse answer = client.authorizePresenceChannel("1.1", "presence-room", PresenceMember.of("u&1", info));

    Map<?, ?> response = parse(answer.toJson());
    String channelData = (String) response.get("channel_data");
    assertThat(answer.channelData()).contains(channelData);
    assertThat(answer.auth())
        .isEqualTo(KEY + ":" + Hashing.hmacSha256Hex(SECRET, "1.1:presence-room:" + channelData));
    assertThat(parse(channelData).get("user_info")).isEqualTo(info);
  }

  @Test
  void presenceUserInfoKeepsItsOrder() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("z", 1);
    info.put("a", 2);

    ChannelAuthResponse answer = client.authorizePresenceChannel("1.1", "presence-room", PresenceMember.of("7", info));

    assertThat(answer.channelData()).contains("{\"user_id\":\"7\",\"user_info\":{\"z\":1,\"a\":2}}");
  }

  @Test
  void presenceOnAPrivateChannelIsRefused() {
    assertThatThrownBy(() -> client.authorizePresenceChannel("1.1", "private-room", PresenceMember.of("7")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not a presence channel");
  }

  @Test
  void presenceWithoutMemberIsRefused() {
    assertThatThrownBy(() -> client.authorizePresenceChannel("1.1", "presence-room", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("member");
  }

  @Test
  void presenceMemberIdIsCheckedAtItsBoundaries() {
    assertThatCode(() -> client.authorizePresenceChannel("1.1", "presence-room", PresenceMember.of("u".repeat(200))))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> client.authorizePresenceChannel("1.1", "presence-room", PresenceMember.of("u".repeat(201))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> client.authorizePresenceChannel("1.1", "presence-room", PresenceMember.of("")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void presenceFromFormWithBadSocketIdIsRefused() {
    AuthRequest form = AuthRequest.fromForm("channel_name=presence-foobar&socket_id=1.1%0A");
    assertThatThrownBy(() -> client.authorizePresenceChannel(form.socketId(), form.channelName(), PresenceMember.of("7")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void presenceUserInfoThatIsNotJsonIsRefused() {
    PresenceMember member = PresenceMember.of("7", Map.of("thing", new Object()));

    assertThatThrownBy(() -> client.authorizePresenceChannel("1.1", "presence-room", member))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("JSON");
  }

  // ---- user authentication ----------------------------------------------------------------

  @Test
  void userFromFormMatchesTheGoVector() {
    assertThat(goClient.authenticateUser(AuthRequest.fromForm("socket_id=12345.12345").socketId(), UserData.of("1234")).toJson())
        .isEqualTo("{\"auth\":\"key:e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41\","
            + "\"user_data\":\"{\\\"id\\\":\\\"1234\\\"}\"}");
  }

  @Test
  void userMatchesTheDocsVector() {
    UserAuthResponse answer = client.authenticateUser("1234.1234", UserData.of("12345"));

    assertThat(answer.auth())
        .isEqualTo(KEY + ":4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba");
  }

  @Test
  void userFormWithBadSocketIdIsRefused() {
    assertThatThrownBy(() -> goClient.authenticateUser("123", UserData.of("1234")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("socket id");
  }

  @Test
  void userWithEmptyIdIsRefused() {
    assertThatThrownBy(() -> goClient.authenticateUser("12345.12345", UserData.of("")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("user id");
  }

  @Test
  void userWithNullIdIsRefused() {
    assertThatThrownBy(() -> goClient.authenticateUser("12345.12345", UserData.of(null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("user id");
  }

  @Test
  void userWithoutDataIsRefused() {
    assertThatThrownBy(() -> goClient.authenticateUser("12345.12345", null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user must not be null");
  }

  @Test
  void userIdOf200IsAcceptedAnd201Refused() {
    assertThatCode(() -> goClient.authenticateUser("1.1", UserData.of("u".repeat(200)))).doesNotThrowAnyException();
    assertThatThrownBy(() -> goClient.authenticateUser("1.1", UserData.of("u".repeat(201))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("201");
  }

  @Test
  void userDataCarriesInfoAndWatchlistAndIsSignedAsReturned() {
    UserData user = UserData.of("7").info(Map.of("email", "test@test.com")).watchlist(List.of("8", "9"));

    UserAuthResponse answer = goClient.authenticateUser("1.1", user);

    String userData = answer.userData();
    assertThat(userData).isEqualTo("{\"id\":\"7\",\"user_info\":{\"email\":\"test@test.com\"},\"watchlist\":[\"8\",\"9\"]}");
    assertThat(parse(answer.toJson())).isEqualTo(Map.of("auth", answer.auth(), "user_data", userData));
    assertThat(answer.auth()).isEqualTo("key:" + Hashing.hmacSha256Hex("secret", "1.1::user::" + userData));
  }

  @Test
  void emptyInfoAndWatchlistAreLeftOutOfTheSignedUserData() {
    UserData user = UserData.of("7").info(Map.of()).watchlist(List.of());

    assertThat(goClient.authenticateUser("1.1", user).userData()).isEqualTo("{\"id\":\"7\"}");
  }

  @Test
  void watchlistOf100IsAcceptedAnd101Refused() {
    assertThatCode(() -> goClient.authenticateUser("1.1", UserData.of("7").watchlist(ids(100))))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> goClient.authenticateUser("1.1", UserData.of("7").watchlist(ids(101))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most 100")
        .hasMessageContaining("101");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 201})
  void watchlistWithAnInvalidIdIsRefused(int length) {
    List<String> watchlist = new ArrayList<>(List.of("8"));
    watchlist.add("w".repeat(length));

    assertThatThrownBy(() -> goClient.authenticateUser("1.1", UserData.of("7").watchlist(watchlist)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("watchlist");
  }

  @Test
  void watchlistWithANullIdIsRefused() {
    List<String> watchlist = new ArrayList<>(Collections.singletonList(null));

    assertThatThrownBy(() -> goClient.authenticateUser("1.1", UserData.of("7").watchlist(watchlist)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("watchlist");
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static ChannelsClient client(String key, String secret, String masterKeyBase64) {
    ChannelsClient.Builder builder = ChannelsClient.builder()
        .appId("3").key(key).secret(secret).host("127.0.0.1").port(1).useTls(false);
    if (masterKeyBase64 != null) {
      builder.encryptionMasterKeyBase64(masterKeyBase64);
    }
    return builder.build();
  }

  private static Map<?, ?> parse(String json) {
    return (Map<?, ?>) JacksonJsonCodecs.defaults().parse(json);
  }

  private static List<String> ids(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add("user-" + i);
    }
    return ids;
  }
}
