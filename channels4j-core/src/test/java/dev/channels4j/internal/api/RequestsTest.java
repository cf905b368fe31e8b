package dev.channels4j.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.ChannelsQuery;
import dev.channels4j.Event;
import dev.channels4j.Info;
import dev.channels4j.RetryPolicy;
import dev.channels4j.ValidationException;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.internal.signing.Hashing;
import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spi.Transport;
import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The requests each operation builds: exact body bytes, path, query, and the validation that runs
 * before anything is built. No network: {@link Requests} only builds, {@link Dispatcher#sign} only signs.
 */
class RequestsTest {
  private static final byte[] MASTER_KEY = "eHPVWHg7nFGYVBsKjOFDXWRribIR2b0b".getBytes(StandardCharsets.US_ASCII);
  private static final Transport UNUSED = request -> {
    throw new AssertionError("nothing may be sent by these tests");
  };

  private final Requests requests = new Requests(settings("appid", 10240, 10, null));
  private final Requests encrypting = new Requests(settings("appid", 10240, 10, new ChannelEncryption(MASTER_KEY)));

  // ---- bodies -----------------------------------------------------------------------------

  @Test
  void triggerBodyIsNameChannelsData() {
    ApiRequest request = requests.trigger(Event.of("test_channel", "test", "yolo"));

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/apps/appid/events");
    assertThat(text(request)).isEqualTo("{\"name\":\"test\",\"channels\":[\"test_channel\"],\"data\":\"yolo\"}");
  }

  @Test
  void triggerOfTheDocsExampleIsSignedExactlyAsTheDocsSay() {
    ClientSettings docs = new ClientSettings(
        "3", "278d425bdf160c739803", "7ad3773142a6692b25b8", URI.create("http://api.pusherapp.com:80"),
        Duration.ofSeconds(5), 10240, 10, JacksonJsonCodecs.defaults(), UNUSED,
        Clock.fixed(Instant.ofEpochSecond(1353088179L), ZoneOffset.UTC), RetryPolicy.none(), null);
    ApiRequest request = new Requests(docs).trigger(Event.of("project-3", "foo", "{\"some\":\"data\"}"));

    TransportRequest signed = new Dispatcher(docs).sign(request);

    assertThat(text(request))
        .isEqualTo("{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}");
    assertThat(signed.uri().toString()).isEqualTo(
        "http://api.pusherapp.com:80/apps/3/events?auth_key=278d425bdf160c739803"
            + "&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c"
            + "&auth_timestamp=1353088179&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f");
    assertThat(signed.body()).isEqualTo(request.body());
    assertThat(signed.headers()).containsEntry("Content-Type", "application/json");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "http://api.pusherapp.com", "http://api-eu.pusher.com", "http://my.server.com", "https://api.pusherapp.com"})
  void goTriggerUrlRowsAreReproducedForEachHost(String base) {
    ClientSettings docs = fixedClock(base, "3", "278d425bdf160c739803", "7ad3773142a6692b25b8", 1353088179L);
    ApiRequest request = new Requests(docs).trigger(Event.of("project-3", "foo", "{\"some\":\"data\"}"));

    assertThat(new Dispatcher(docs).sign(request).uri().toString()).isEqualTo(
        base + "/apps/3/events?auth_key=278d425bdf160c739803"
            + "&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c"
            + "&auth_timestamp=1353088179&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f");
  }

  @Test
  void goChannelsUrlRowIsReproduced() {
    ClientSettings go = goApp(1427034994L);
    ApiRequest request = new Requests(go).channels(ChannelsQuery.prefix("presence-").withUserCount());

    TransportRequest signed = new Dispatcher(go).sign(request);

    assertThat(signed.uri().toString()).isEqualTo(
        "http://api.pusherapp.com/apps/102015/channels?auth_key=d41a439c438a100756f5"
            + "&auth_signature=4d8a02edcc8a758b0162cd6da690a9a45fb8ae326a276dca1e06a0bc42796c11"
            + "&auth_timestamp=1427034994&auth_version=1.0&filter_by_prefix=presence-&info=user_count");
    assertThat(signed.body()).isNull();
  }

  @Test
  void goUsersUrlRowIsReproduced() {
    ClientSettings go = goApp(1427053709L);
    ApiRequest request = new Requests(go).users("presence-session-d41a439c438a100756f5-4bf35003e819bb138249-nYJLy67qh52");

    assertThat(new Dispatcher(go).sign(request).uri().toString()).isEqualTo(
        "http://api.pusherapp.com/apps/102015/channels/presence-session-d41a439c438a100756f5-4bf35003e819bb138249-nYJLy67qh52"
            + "/users?auth_key=d41a439c438a100756f5"
            + "&auth_signature=207feaf4e8efeb24e5f148011704251bf90e2059a5f97a3eb52d06178b11feca"
            + "&auth_timestamp=1427053709&auth_version=1.0");
  }

  @Test
  void goChannelUrlRowCarriesTheGoSignatureWithTheCommaEncoded() {
    ClientSettings go = goApp(1427053326L);
    ApiRequest request = new Requests(go).channel(
        "presence-session-d41a439c438a100756f5-4bf35003e819bb138249-ROpCFmgFhXY", EnumSet.of(Info.USER_COUNT, Info.SUBSCRIPTION_COUNT));

    assertThat(new Dispatcher(go).sign(request).uri().getRawQuery()).isEqualTo(
        "auth_key=d41a439c438a100756f5"
            + "&auth_signature=f93ceb31f396aef336226efe512aaf339bd5e39c7c2c04b81cc8681dc16ee785"
            + "&auth_timestamp=1427053326&auth_version=1.0&info=user_count%2Csubscription_count");
  }

  @Test
  void terminateIsSignedAsTheProtocolVector() {
    ClientSettings docs = fixedClock("http://127.0.0.1:1", "3", "278d425bdf160c739803", "7ad3773142a6692b25b8", 1353088179L);
    ApiRequest request = new Requests(docs).terminateUserConnections("12345");

    assertThat(new Dispatcher(docs).sign(request).uri().getRawQuery()).isEqualTo(
        "auth_key=278d425bdf160c739803"
            + "&auth_signature=01fa634edeb0cae84115307cad5c23f65a46cd286461b1c89637a3b5871a8f0e"
            + "&auth_timestamp=1353088179&auth_version=1.0&body_md5=99914b932bd37a50b983c5e7c90ae93b");
  }

  @Test
  void signedBodyMd5IsOfTheExactBytesSent() {
    ApiRequest request = requests.trigger(Event.of("c", "e", Map.of("text", "ünïcødé <&>")));

    TransportRequest signed = new Dispatcher(settings("appid", 10240, 10, null)).sign(request);

    assertThat(signed.uri().getRawQuery()).contains("body_md5=" + Hashing.md5Hex(signed.body()));
  }

  @Test
  void structDataIsSentAsJsonString() {
    record KeyHolder(String Key) {}

    ApiRequest request = requests.trigger(Event.of("test_channel", "test", new KeyHolder("value")));

    assertThat(text(request)).contains("\"data\":\"{\\\"Key\\\":\\\"value\\\"}\"");
  }

  @Test
  void multiChannelTriggerKeepsTheGivenOrder() {
    ApiRequest request = requests.trigger(Event.of(List.of("test_channel", "other_channel"), "test", "yolo"));

    assertThat(text(request)).contains("\"channels\":[\"test_channel\",\"other_channel\"]");
  }

  @Test
  void socketIdAndInfoAreAddedWhenGiven() {
    ApiRequest request = requests.trigger(
        Event.of("presence-x", "e", "d").excluding("1234.12").withInfo(Info.USER_COUNT, Info.SUBSCRIPTION_COUNT));

    assertThat(text(request)).isEqualTo(
        "{\"name\":\"e\",\"channels\":[\"presence-x\"],\"data\":\"d\",\"socket_id\":\"1234.12\","
            + "\"info\":\"user_count,subscription_count\"}");
  }

  @Test
  void sendToUserTriggersOnTheServerToUserChannel() {
    ApiRequest request = requests.sendToUser("123456", "test", "yolo");

    assertThat(request.path()).isEqualTo("/apps/appid/events");
    assertThat(text(request))
        .isEqualTo("{\"name\":\"test\",\"channels\":[\"#server-to-user-123456\"],\"data\":\"yolo\"}");
  }

  @Test
  void batchBodyMatchesTheGoVector() {
    ApiRequest request = requests.batch(List.of(
        Event.of("test_channel", "test", "yolo1"), Event.of("test_channel", "test", "yolo2")));

    assertThat(request.path()).isEqualTo("/apps/appid/batch_events");
    assertThat(text(request)).isEqualTo(
        "{\"batch\":[{\"channel\":\"test_channel\",\"name\":\"test\",\"data\":\"yolo1\"},"
            + "{\"channel\":\"test_channel\",\"name\":\"test\",\"data\":\"yolo2\"}]}");
  }

  @Test
  void batchWithInfoMatchesTheGoVector() {
    ApiRequest request = requests.batch(List.of(
        Event.of("presence-test_channel", "test", "yolo1").withInfo(Info.USER_COUNT, Info.SUBSCRIPTION_COUNT),
        Event.of("test_channel", "test", "yolo2").withInfo(Info.SUBSCRIPTION_COUNT)));

    assertThat(text(request)).isEqualTo(
        "{\"batch\":[{\"channel\":\"presence-test_channel\",\"name\":\"test\",\"data\":\"yolo1\","
            + "\"info\":\"user_count,subscription_count\"},"
            + "{\"channel\":\"test_channel\",\"name\":\"test\",\"data\":\"yolo2\",\"info\":\"subscription_count\"}]}");
  }

  @Test
  void batchWithSocketIdPutsItBeforeInfo() {
    ApiRequest request = requests.batch(List.of(
        Event.of("c1", "e1", Map.of("k", "v")).excluding("1234.12").withInfo(Info.USER_COUNT, Info.SUBSCRIPTION_COUNT),
        Event.of("c2", "e2", "x")));

    assertThat(text(request)).isEqualTo(
        "{\"batch\":[{\"channel\":\"c1\",\"name\":\"e1\",\"data\":\"{\\\"k\\\":\\\"v\\\"}\",\"socket_id\":\"1234.12\","
            + "\"info\":\"user_count,subscription_count\"},{\"channel\":\"c2\",\"name\":\"e2\",\"data\":\"x\"}]}");
  }

  @Test
  void batchWithoutEncryptedChannelsIsTheSameWithAMasterKey() {
    List<Event> events = List.of(Event.of("test_channel", "test", "yolo1"), Event.of("test_channel", "test", "yolo2"));

    assertThat(encrypting.batch(events).body()).isEqualTo(requests.batch(events).body());
  }

  @Test
  void batchEncryptsEachEncryptedEventWithItsOwnNonce() {
    ApiRequest request = encrypting.batch(List.of(
        Event.of("test_channel", "test", "plain"),
        Event.of("private-encrypted-a", "test", "secret-a"),
        Event.of("private-encrypted-b", "test", "secret-b")));

    List<?> batch = (List<?>) ((Map<?, ?>) JacksonJsonCodecs.defaults().parse(text(request))).get("batch");
    assertThat(((Map<?, ?>) batch.get(0)).get("data")).isEqualTo("plain");
    Map<?, ?> a = envelope(batch.get(1));
    Map<?, ?> b = envelope(batch.get(2));
    assertThat(a.get("nonce")).isNotEqualTo(b.get("nonce"));
    assertThat(decrypt("private-encrypted-a", a)).isEqualTo("secret-a");
    assertThat(decrypt("private-encrypted-b", b)).isEqualTo("secret-b");
  }

  @Test
  void encryptedTriggerSendsAnEnvelopeThatDecrypts() {
    ApiRequest request = encrypting.trigger(Event.of("private-encrypted-test_channel", "test", "yolo1"));

    Map<?, ?> body = (Map<?, ?>) JacksonJsonCodecs.defaults().parse(text(request));
    assertThat(request.path()).isEqualTo("/apps/appid/events");
    assertThat(decrypt("private-encrypted-test_channel", envelope(body))).isEqualTo("yolo1");
  }

  @Test
  void terminateIsAPostOfAnEmptyObject() {
    ApiRequest request = requests.terminateUserConnections("12345");

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/apps/appid/users/12345/terminate_connections");
    assertThat(text(request)).isEqualTo("{}");
  }

  @Test
  void channelsQueryCarriesPrefixAndUserCount() {
    ApiRequest request = requests.channels(ChannelsQuery.prefix("presence-").withUserCount());

    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.body()).isNull();
    assertThat(request.path()).isEqualTo("/apps/appid/channels");
    assertThat(request.query()).containsOnly(Map.entry("filter_by_prefix", "presence-"), Map.entry("info", "user_count"));
  }

  @Test
  void channelsQueryWithoutOptionsHasNoParams() {
    assertThat(requests.channels(ChannelsQuery.all()).query()).isEmpty();
  }

  @Test
  void channelQueryCarriesInfo() {
    ApiRequest request = requests.channel("test_channel", EnumSet.of(Info.USER_COUNT, Info.SUBSCRIPTION_COUNT));

    assertThat(request.path()).isEqualTo("/apps/appid/channels/test_channel");
    assertThat(request.query()).containsOnly(Map.entry("info", "user_count,subscription_count"));
  }

  @Test
  void usersQueryTargetsThePresenceChannel() {
    assertThat(requests.users("presence-room").path()).isEqualTo("/apps/appid/channels/presence-room/users");
  }

  @Test
  void usersOfANonPresenceChannelIsRefused() {
    assertThatThrownBy(() -> requests.users("private-room"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("presence");
  }

  @ParameterizedTest
  @CsvSource({".", "..", "..;x", ".;x"})
  void channelQueryOfADotSegmentIsRefused(String channel) {
    assertThatThrownBy(() -> requests.channel(channel, Set.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("\"" + channel + "\"")
        .hasMessageContaining("relative path segment");
  }

  @Test
  void channelQueryOfANameWithDotsIsBuilt() {
    assertThat(requests.channel("...", Set.of()).path()).isEqualTo("/apps/appid/channels/...");
  }

  // ---- trigger validation -----------------------------------------------------------------

  @Test
  void triggerOnHundredChannelsIsBuilt() {
    assertThatCode(() -> requests.trigger(Event.of(numbered(100), "e", "d"))).doesNotThrowAnyException();
  }

  @Test
  void triggerOnHundredAndOneChannelsIsRefused() {
    assertThatThrownBy(() -> requests.trigger(Event.of(numbered(101), "e", "d")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most 100");
  }

  @Test
  void triggerOnNoChannelIsRefused() {
    assertThatThrownBy(() -> requests.trigger(Event.of(List.of(), "e", "d")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one channel");
  }

  @Test
  void triggerOnAnInvalidChannelIsRefused() {
    assertThatThrownBy(() -> requests.trigger(Event.of("w000^$$£@@@", "e", "d")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("w000^$$£@@@");
  }

  @Test
  void triggerOnAChannelOf201CharactersIsRefused() {
    assertThatThrownBy(() -> requests.trigger(Event.of("a".repeat(201), "e", "d")))
        .isInstanceOf(ValidationException.class);
    assertThatCode(() -> requests.trigger(Event.of("a".repeat(200), "e", "d"))).doesNotThrowAnyException();
  }

  @Test
  void triggerOnTheServerToUserChannelIsRefused() {
    assertThatThrownBy(() -> requests.trigger(Event.of("#server-to-user-1", "e", "d")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("sendToUser");
  }

  @Test
  void triggerEventNameIsChecked() {
    assertThatCode(() -> requests.trigger(Event.of("c", "e".repeat(200), "d"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> requests.trigger(Event.of("c", "e".repeat(201), "d")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("event name");
    assertThatThrownBy(() -> requests.trigger(Event.of("c", "", "d")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("event name");
  }

  @Test
  void triggerEventNameWithAnUnpairedSurrogateIsRefused() {
    assertThatThrownBy(() -> requests.trigger(Event.of("c", "e\uD800x", "d")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("event name")
        .hasMessageContaining("unpaired surrogate U+D800");
  }

  @Test
  void triggerEventNameWithAPairedSurrogateIsBuilt() {
    ApiRequest request = requests.trigger(Event.of("c", "e\uD83D\uDE00", "d"));

    assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains("\"name\":\"e\uD83D\uDE00\"");
  }

  @Test
  void batchEventNameWithAnUnpairedSurrogateIsRefused() {
    assertThatThrownBy(() -> requests.batch(List.of(Event.of("c", "\uDC00", "d"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("batch event #0")
        .hasMessageContaining("event name");
  }

  @Test
  void sendToUserWithAnUnpairedSurrogateInTheUserIdIsRefused() {
    assertThatThrownBy(() -> requests.sendToUser("\uD800x", "e", "d"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("user id")
        .hasMessageContaining("unpaired surrogate U+D800");
  }

  @Test
  void terminateUserConnectionsWithAnUnpairedSurrogateInTheUserIdIsRefused() {
    assertThatThrownBy(() -> requests.terminateUserConnections("\uD800x"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("user id")
        .hasMessageContaining("unpaired surrogate U+D800");
  }

  @Test
  void terminateUserConnectionsEncodesAPairedSurrogateAsItsUtf8() {
    assertThat(requests.terminateUserConnections("\uD83D\uDE00").path())
        .isEqualTo("/apps/appid/users/%F0%9F%98%80/terminate_connections");
  }

  @Test
  void triggerSocketIdIsChecked() {
    assertThatThrownBy(() -> requests.trigger(Event.of("c", "e", "d").excluding("1234.12:lalala")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("1234.12:lalala");
  }

  @Test
  void triggerDataSizeIsCheckedAtTheLimit() {
    assertThatCode(() -> requests.trigger(Event.of("c", "e", "é".repeat(5120)))).doesNotThrowAnyException();
    assertThatThrownBy(() -> requests.trigger(Event.of("c", "e", "é".repeat(5120) + "a")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("10241 bytes");
  }

  @Test
  void customDataLimitIsUsed() {
    Requests big = new Requests(settings("appid", 81920, 10, null));

    assertThatCode(() -> big.trigger(Event.of("channel", "e", "a".repeat(81920)))).doesNotThrowAnyException();
    assertThatThrownBy(() -> big.trigger(Event.of("channel", "e", "a".repeat(81921))))
        .hasMessageContaining("81921 bytes");
  }

  @Test
  void encryptedChannelWithOthersIsRefusedEvenWithAKey() {
    assertThatThrownBy(() -> encrypting.trigger(
            Event.of(List.of("test_channel", "private-encrypted-other_channel"), "e", "d")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("private-encrypted-other_channel");
  }

  @Test
  void encryptedChannelWithoutMasterKeyIsRefused() {
    assertThatThrownBy(() -> requests.trigger(Event.of("private-encrypted-test_channel", "e", "d")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("master key");
  }

  @Test
  void encryptedChannelWithoutMasterKeyIsRefusedBeforeTheDataIsSerialized() {
    assertThatThrownBy(() -> requests.trigger(Event.of("private-encrypted-x", "e", new Object())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("master key");
  }

  @Test
  void encryptedTriggerOf7620BytesIsRefused() {
    assertThatCode(() -> encrypting.trigger(Event.of("private-encrypted-x", "e", "a".repeat(7619))))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> encrypting.trigger(Event.of("private-encrypted-x", "e", "a".repeat(7620))))
        .hasMessageContaining("10244 bytes");
  }

  @Test
  void triggerChecksChannelsBeforeTheEventName() {
    assertThatThrownBy(() -> requests.trigger(Event.of("bad name", "", "d"))).hasMessageContaining("bad name");
  }

  @Test
  void triggerChecksTheEventNameBeforeTheSocketId() {
    assertThatThrownBy(() -> requests.trigger(Event.of("c", "", "d").excluding("x"))).hasMessageContaining("event name");
  }

  @Test
  void triggerChecksTheSocketIdBeforeTheData() {
    assertThatThrownBy(() -> requests.trigger(Event.of("c", "e", "a".repeat(20000)).excluding("x")))
        .hasMessageContaining("socket id");
  }

  @Test
  void triggerInfoIsSentInDeclarationOrder() {
    ApiRequest request = requests.trigger(
        Event.of("presence-c", "e", "d").withInfo(Info.SUBSCRIPTION_COUNT, Info.USER_COUNT));

    assertThat(new String(request.body(), StandardCharsets.UTF_8))
        .endsWith(",\"info\":\"user_count,subscription_count\"}");
  }

  @Test
  void eventAskingForTheCacheAttributeIsRefused() {
    assertThatThrownBy(() -> requests.trigger(Event.of("cache-c", "e", "d").withInfo(Info.CACHE)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("CACHE is returned by channel queries only");
  }

  @Test
  void batchEventWithSeveralChannelsIsRefusedWithItsIndex() {
    assertThatThrownBy(() -> requests.batch(List.of(Event.of("a", "e", "d"), Event.of(List.of("a", "b"), "e", "d"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("batch event #1")
        .hasMessageContaining("exactly one channel, got 2");
  }

  @Test
  void preparedEventWithSeveralChannelsIsRefused() {
    assertThatThrownBy(() -> requests.prepare(Event.of(List.of("a", "b"), "e", "d")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("exactly one channel");
  }

  @Test
  void channelQueryWithoutAttributesHasNoInfo() {
    assertThat(requests.channel("c", Set.of()).query()).isEmpty();
  }

  @Test
  void nullTriggerIsRefused() {
    assertThatThrownBy(() -> requests.trigger(null)).isInstanceOf(ValidationException.class);
  }

  // ---- sendToUser and terminate validation -------------------------------------------------

  @Test
  void sendToUserWithEmptyUserIdIsRefused() {
    assertThatThrownBy(() -> requests.sendToUser("", "e", "d"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("user id");
  }

  @Test
  void sendToUserAcceptsUserIdOf200AndRefuses201() {
    assertThatCode(() -> requests.sendToUser("u".repeat(200), "e", "d")).doesNotThrowAnyException();
    assertThatThrownBy(() -> requests.sendToUser("u".repeat(201), "e", "d"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("201");
  }

  @Test
  void sendToUserChecksTheEventName() {
    assertThatThrownBy(() -> requests.sendToUser("1", "e".repeat(201), "d"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("event name");
  }

  @Test
  void sendToUserChecksTheDataSize() {
    assertThatThrownBy(() -> requests.sendToUser("1", "e", "a".repeat(10241)))
        .hasMessageContaining("10241 bytes");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ' ', value = {
      "auth0|123 auth0%7C123",
      "a/../b a%2F..%2Fb",
      "a?b#c a%3Fb%23c",
      "a%2F a%252F",
      "x+y x%2By",
      "ünï %C3%BCn%C3%AF",
      "a~b-c_d.e a~b-c_d.e"})
  void terminateEscapesTheUserIdInItsOneSegment(String userId, String segment) {
    ApiRequest request = requests.terminateUserConnections(userId);

    assertThat(request.path()).isEqualTo("/apps/appid/users/" + segment + "/terminate_connections");
  }

  @Test
  void terminateEscapesASpace() {
    assertThat(requests.terminateUserConnections("a b").path()).isEqualTo("/apps/appid/users/a%20b/terminate_connections");
  }

  @Test
  void sendToUserAcceptsAnyUserIdOnTheServerToUserChannel() throws Exception {
    ApiRequest request = requests.sendToUser("auth0|123 x", "e", "d");

    assertThat(text(request)).contains("\"channels\":[\"#server-to-user-auth0|123 x\"]");
  }

  // ---- batch validation -------------------------------------------------------------------

  @Test
  void batchOfTenIsBuiltAndElevenRefused() {
    assertThatCode(() -> requests.batch(events(10))).doesNotThrowAnyException();
    assertThatThrownBy(() -> requests.batch(events(11)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most 10")
        .hasMessageContaining("11");
  }

  @Test
  void customBatchLimitIsUsed() {
    Requests small = new Requests(settings("appid", 10240, 3, null));
    Requests large = new Requests(settings("appid", 10240, 20, null));

    assertThatCode(() -> small.batch(events(3))).doesNotThrowAnyException();
    assertThatThrownBy(() -> small.batch(events(4))).hasMessageContaining("at most 3");
    assertThatCode(() -> large.batch(events(20))).doesNotThrowAnyException();
  }

  @Test
  void emptyBatchIsRefused() {
    assertThatThrownBy(() -> requests.batch(List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one event");
  }

  @Test
  void nullEventInABatchIsRefusedWithItsIndex() {
    List<Event> events = new ArrayList<>(events(2));
    events.add(null);

    assertThatThrownBy(() -> requests.batch(events)).hasMessageContaining("#2");
  }

  @Test
  void batchErrorsNameTheEvent() {
    List<Event> events = List.of(Event.of("ok", "e", "d"), Event.of("not ok", "e", "d"));

    assertThatThrownBy(() -> requests.batch(events))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("batch event #1")
        .hasMessageContaining("not ok");
  }

  @Test
  void batchChecksEventNamesSocketIdsAndReservedChannels() {
    assertThatThrownBy(() -> requests.batch(List.of(Event.of("c", "e".repeat(201), "d"))))
        .hasMessageContaining("event name");
    assertThatThrownBy(() -> requests.batch(List.of(Event.of("c", "e", "d").excluding("1."))))
        .hasMessageContaining("socket id");
    assertThatThrownBy(() -> requests.batch(List.of(Event.of("#server-to-user-1", "e", "d"))))
        .hasMessageContaining("sendToUser");
  }

  @Test
  void batchDataSizeIsCheckedPerEventWithItsIndex() {
    List<Event> events = List.of(Event.of("c", "e", "a".repeat(10240)), Event.of("c", "e", "a".repeat(10241)));

    assertThatThrownBy(() -> requests.batch(events))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("batch event #1")
        .hasMessageContaining("10241 bytes");
  }

  @Test
  void batchNamesAreAllCheckedBeforeAnyDataIsEncoded() {
    // Event #0 is too big and event #1 has a bad name: the name is reported, as it is checked first.
    List<Event> events = List.of(Event.of("c", "e", "a".repeat(20000)), Event.of("bad name", "e", "d"));

    assertThatThrownBy(() -> requests.batch(events)).hasMessageContaining("batch event #1");
  }

  @Test
  void batchWithEncryptedEventAndNoMasterKeyIsRefused() {
    List<Event> events = List.of(
        Event.of("test_channel", "test", "yolo1"), Event.of("private-encrypted-test_channel", "test", "yolo2"));

    assertThatThrownBy(() -> requests.batch(events))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("batch event #1")
        .hasMessageContaining("master key");
  }

  // ---- nothing is sent on bad input ------------------------------------------------------

  static Stream<Named<Function<ChannelsClient, Object>>> badCalls() {
    return Stream.of(
        Named.of("101 channels", c -> c.trigger(numbered(101), "e", "d")),
        Named.of("no channel", c -> c.trigger(List.of(), "e", "d")),
        Named.of("invalid channel name", c -> c.trigger("a b", "e", "d")),
        Named.of("reserved channel", c -> c.trigger("#server-to-user-1", "e", "d")),
        Named.of("encrypted with others", c -> c.trigger(List.of("a", "private-encrypted-b"), "e", "d")),
        Named.of("encrypted without key", c -> c.trigger("private-encrypted-b", "e", "d")),
        Named.of("event name of 201", c -> c.trigger("a", "e".repeat(201), "d")),
        Named.of("bad socket id", c -> c.trigger(Event.of("a", "e", "d").excluding("1.1x"))),
        Named.of("data of 10241 bytes", c -> c.trigger("a", "e", "a".repeat(10241))),
        Named.of("unserializable data", c -> c.trigger("a", "e", new Object())),
        Named.of("batch of 11", c -> c.triggerBatch(events(11))),
        Named.of("empty batch", c -> c.triggerBatch(List.of())),
        Named.of("batch with encrypted and no key", c -> c.triggerBatch(List.of(Event.of("private-encrypted-b", "e", "d")))),
        Named.of("sendToUser to empty id", c -> {
          c.sendToUser("", "e", "d");
          return null;
        }),
        Named.of("sendToUser to 201-char id", c -> {
          c.sendToUser("u".repeat(201), "e", "d");
          return null;
        }),
        Named.of("terminate empty id", c -> {
          c.terminateUserConnections("");
          return null;
        }),
        Named.of("terminate 201-char id", c -> {
          c.terminateUserConnections("u".repeat(201));
          return null;
        }),
        Named.of("channel with bad name", c -> c.channel("a b")),
        Named.of("users of a private channel", c -> c.users("private-a")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCalls")
  void badInputThrowsBeforeAnythingIsSent(Function<ChannelsClient, Object> call) {
    AtomicInteger sent = new AtomicInteger();
    try (ChannelsClient client = countingClient(sent)) {
      assertThatThrownBy(() -> call.apply(client)).isInstanceOf(ValidationException.class);
    }
    assertThat(sent).hasValue(0);
  }

  @Test
  void asyncBadInputFailsTheFutureBeforeAnythingIsSent() {
    AtomicInteger sent = new AtomicInteger();
    try (ChannelsClient client = countingClient(sent)) {
      CompletableFuture<?> future = client.async().trigger(numbered(101), "e", "d");

      assertThat(future).isCompletedExceptionally();
      assertThatThrownBy(future::join).hasCauseInstanceOf(ValidationException.class);
    }
    assertThat(sent).hasValue(0);
  }

  @Test
  void validInputIsSentOnceWithTheBuiltBody() {
    AtomicInteger sent = new AtomicInteger();
    List<TransportRequest> captured = new ArrayList<>();
    Transport capturing = request -> {
      sent.incrementAndGet();
      captured.add(request);
      return CompletableFuture.completedFuture(new TransportResponse(200, "{}".getBytes(StandardCharsets.UTF_8)));
    };
    try (ChannelsClient client = ChannelsClient.builder()
        .appId("appid").key("key").secret("secret").host("127.0.0.1").port(1).useTls(false)
        .transport(capturing).build()) {
      client.trigger("test_channel", "test", "yolo");
    }
    assertThat(sent).hasValue(1);
    assertThat(new String(captured.get(0).body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"name\":\"test\",\"channels\":[\"test_channel\"],\"data\":\"yolo\"}");
    assertThat(captured.get(0).uri().getRawQuery())
        .contains("body_md5=" + Hashing.md5Hex(captured.get(0).body()));
  }

  private static ChannelsClient countingClient(AtomicInteger sent) {
    Transport counting = request -> {
      sent.incrementAndGet();
      return CompletableFuture.completedFuture(new TransportResponse(200, "{}".getBytes(StandardCharsets.UTF_8)));
    };
    return ChannelsClient.builder()
        .appId("appid").key("key").secret("secret").host("127.0.0.1").port(1).useTls(false)
        .transport(counting).build();
  }

  // ---- helpers ----------------------------------------------------------------------------

  static ClientSettings settings(String appId, int maxData, int maxBatch, ChannelEncryption encryption) {
    return new ClientSettings(
        appId, "key", "secret", URI.create("http://127.0.0.1:1"), Duration.ofSeconds(5), maxData, maxBatch,
        JacksonJsonCodecs.defaults(), UNUSED, Clock.systemUTC(), RetryPolicy.none(), encryption);
  }

  /** The app of the Go library's URL tables (pusher-http-go), its clock at {@code seconds}. */
  private static ClientSettings goApp(long seconds) {
    return fixedClock("http://api.pusherapp.com", "102015", "d41a439c438a100756f5", "4bf35003e819bb138249", seconds);
  }

  private static ClientSettings fixedClock(String base, String appId, String key, String secret, long seconds) {
    return new ClientSettings(
        appId, key, secret, URI.create(base), Duration.ofSeconds(5), 10240, 10, JacksonJsonCodecs.defaults(), UNUSED,
        Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC), RetryPolicy.none(), null);
  }

  private static String text(ApiRequest request) {
    return new String(request.body(), StandardCharsets.UTF_8);
  }

  private static Map<?, ?> envelope(Object item) {
    Object data = ((Map<?, ?>) item).get("data");
    Map<?, ?> envelope = (Map<?, ?>) JacksonJsonCodecs.defaults().parse((String) data);
    assertThat(List.<Object>copyOf(envelope.keySet())).containsExactly("nonce", "ciphertext");
    return envelope;
  }

  private static String decrypt(String channel, Map<?, ?> envelope) {
    byte[] plain = new ChannelEncryption(MASTER_KEY)
        .decrypt(channel, (String) envelope.get("nonce"), (String) envelope.get("ciphertext"));
    return new String(plain, StandardCharsets.UTF_8);
  }

  private static List<String> numbered(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(Integer::toString).toList();
  }

  private static List<Event> events(int count) {
    return Collections.nCopies(count, Event.of("c", "e", "d"));
  }

}
