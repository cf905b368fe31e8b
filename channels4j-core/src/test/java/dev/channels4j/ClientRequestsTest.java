package dev.channels4j;

import static dev.channels4j.TestClients.FIXED_CLOCK;
import static dev.channels4j.TestClients.SECRET;
import static dev.channels4j.TestClients.clientFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.testing.RecordingHttpServer.Recorded;
import dev.channels4j.testing.RecordingHttpServer;
import dev.channels4j.testing.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What each operation puts on the wire, checked byte by byte against a real HTTP server. */
class ClientRequestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  // Credential set B of go-library §7.1.1 (GET vectors).
  private static final String KEY_B = "d41a439c438a100756f5";
  private static final String SECRET_B = "4bf35003e819bb138249";

  @AutoClose
  private final RecordingHttpServer server = RecordingHttpServer.start();
  @AutoClose
  private final ChannelsClient client = clientFor(server);

  /**
   * The one request the Go library's app 102015 sends for {@code call} with its clock at
   * {@code timestamp}, the server answering {@code replyJson}.
   */
  private Recorded sentByAppB(long timestamp, String replyJson, Consumer<ChannelsClient> call) {
    server.enqueue(RecordingHttpServer.Reply.json(replyJson));
    try (ChannelsClient b = ChannelsClient.builder()
        .appId("102015").key(KEY_B).secret(SECRET_B)
        .host("127.0.0.1").port(server.port()).useTls(false)
        .clock(Clock.fixed(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC))
        .retryPolicy(RetryPolicy.none())
        .build()) {
      call.accept(b);
    }
    return server.onlyRequest();
  }

  private static void assertSignedCorrectly(Recorded request, String secret) {
    assertThat(request.query().get("auth_signature"))
        .as("auth_signature of %s", request)
        .isEqualTo(SignatureCheck.expectedSignature(request, secret));
    if (request.method().equals("POST")) {
      assertThat(request.query().get("body_md5")).isEqualTo(SignatureCheck.md5Hex(request.body()));
    } else {
      assertThat(request.query()).doesNotContainKey("body_md5");
    }
  }

  private static JsonNode body(Recorded request) throws Exception {
    return JSON.readTree(request.body());
  }

  // ---- trigger ----------------------------------------------------------------------------

  @Test
  void triggerSendsTheGoLibraryVectorBytesAndSignature() {
    client.trigger("project-3", "foo", "{\"some\":\"data\"}");

    Recorded request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/apps/3/events");
    assertThat(request.bodyText())
        .isEqualTo("{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}");
    assertThat(request.rawQuery())
        .isEqualTo("auth_key=278d425bdf160c739803"
            + "&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c"
            + "&auth_timestamp=1353088179&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f");
    assertSignedCorrectly(request, SECRET);
  }

  @Test
  void postCarriesJsonContentTypeAndLibraryHeader() {
    client.trigger("test_channel", "test", "yolo");

    Recorded request = server.onlyRequest();
    assertThat(request.header("Content-Type")).startsWith("application/json");
    assertThat(request.header("X-Pusher-Library")).matches("channels4j \\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void getCarriesLibraryHeaderAndNoBody() {
    server.enqueue(RecordingHttpServer.Reply.json("{\"channels\":{}}"));

    client.channels();

    Recorded request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.header("X-Pusher-Library")).matches("channels4j \\d+\\.\\d+\\.\\d+.*");
    assertThat(request.body()).isEmpty();
    assertSignedCorrectly(request, SECRET);
  }

  @Test
  void triggerOnSeveralChannelsKeepsTheirOrder() throws Exception {
    client.trigger(List.of("test_channel", "other_channel"), "test", "yolo");

    Recorded request = server.onlyRequest();
    assertThat(request.bodyText())
        .isEqualTo("{\"name\":\"test\",\"channels\":[\"test_channel\",\"other_channel\"],\"data\":\"yolo\"}");
    assertSignedCorrectly(request, SECRET);
  }

  @Test
  void triggerWithSocketIdAndInfoPutsBothInTheSignedBody() throws Exception {
    client.trigger(Event.of(List.of("presence-x", "lobby"), "e", "d")
        .excluding("1234.12")
        .withInfo(Info.USER_COUNT, Info.SUBSCRIPTION_COUNT));

    Recorded request = server.onlyRequest();
    JsonNode body = body(request);
    assertThat(body.get("socket_id").asText()).isEqualTo("1234.12");
    assertThat(body.get("info").asText()).isEqualTo("user_count,subscription_count");
    assertThat(body.get("channels").toString()).isEqualTo("[\"presence-x\",\"lobby\"]");
    assertThat(request.query()).doesNotContainKeys("info", "socket_id");
    assertSignedCorrectly(request, SECRET);
  }

  // ---- batch, users -----------------------------------------------------------------------

  @Test
  void triggerBatchWithInfoSendsTheGoLibraryBody() {
    client.triggerBatch(List.of(
        Event.of("presence-test_channel", "test", "yolo1").withInfo(Info.USER_COUNT, Info.SUBSCRIPTION_COUNT),
        Event.of("test_channel", "test", "yolo2").withInfo(Info.SUBSCRIPTION_COUNT)));

    Recorded request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/apps/3/batch_events");
    assertThat(request.bodyText())
        .isEqualTo("{\"batch\":[{\"channel\":\"presence-test_channel\",\"name\":\"test\",\"data\":\"yolo1\","
            + "\"info\":\"user_count,subscription_count\"},"
            + "{\"channel\":\"test_channel\",\"name\":\"test\",\"data\":\"yolo2\",\"info\":\"subscription_count\"}]}");
    assertSignedCorrectly(request, SECRET);
  }

  @Test
  void triggerBatchCarriesEachEventsSocketId() throws Exception {
    client.triggerBatch(List.of(Event.of("c1", "e1", "x").excluding("1234.12"), Event.of("c2", "e2", "y")));

    JsonNode batch = body(server.onlyRequest()).get("batch");
    assertThat(batch.get(0).get("socket_id").asText()).isEqualTo("1234.12");
    assertThat(batch.get(1).has("socket_id")).isFalse();
  }

  @Test
  void sendToUserPublishesOnTheServerToUserChannel() {
    client.sendToUser("123456", "test", "yolo");

    Recorded request = server.onlyRequest();
    assertThat(request.rawPath()).isEqualTo("/apps/3/events");
    assertThat(request.bodyText())
        .isEqualTo("{\"name\":\"test\",\"channels\":[\"#server-to-user-123456\"],\"data\":\"yolo\"}");
    assertSignedCorrectly(request, SECRET);
  }

  @Test
  void terminateUserConnectionsPostsAnEmptyObjectWithItsMd5() {
    client.terminateUserConnections("user-1");

    Recorded request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/apps/3/users/user-1/terminate_connections");
    assertThat(request.bodyText()).isEqualTo("{}");
    assertThat(request.query().get("body_md5")).isEqualTo("99914b932bd37a50b983c5e7c90ae93b");
    assertSignedCorrectly(request, SECRET);
  }

  // ---- queries ----------------------------------------------------------------------------

  @Test
  void channelsWithPrefixAndUserCountMatchesTheGoLibraryUrl() {
    Recorded request = sentByAppB(1427034994L, "{\"channels\":{}}",
        b -> b.channels(ChannelsQuery.prefix("presence-").withUserCount()));

    assertThat(request.rawPath()).isEqualTo("/apps/102015/channels");
    assertThat(request.rawQuery())
        .isEqualTo("auth_key=d41a439c438a100756f5"
            + "&auth_signature=4d8a02edcc8a758b0162cd6da690a9a45fb8ae326a276dca1e06a0bc42796c11"
            + "&auth_timestamp=1427034994&auth_version=1.0&filter_by_prefix=presence-&info=user_count");
  }

  @Test
  void channelsPrefixIsEscapedOnTheWireButSignedRaw() {
    server.enqueue(RecordingHttpServer.Reply.json("{\"channels\":{}}"));

    client.channels(ChannelsQuery.prefix("private-a=b@c,d;e"));

    Recorded request = server.onlyRequest();
    assertThat(request.rawQueryValue("filter_by_prefix")).isEqualTo("private-a%3Db%40c%2Cd%3Be");
    assertThat(request.query().get("filter_by_prefix")).isEqualTo("private-a=b@c,d;e");
    assertSignedCorrectly(request, SECRET);
  }

  @Test
  void channelWithInfoMatchesTheGoLibrarySignatureWithTheCommaEscaped() {
    String name = "presence-session-d41a439c438a100756f5-4bf35003e819bb138249-ROpCFmgFhXY";
    Recorded request = sentByAppB(1427053326L, "{\"occupied\":true}",
        b -> b.channel(name, Info.USER_COUNT, Info.SUBSCRIPTION_COUNT));

    assertThat(request.rawPath()).isEqualTo("/apps/102015/channels/" + name);
    assertThat(request.rawQueryValue("info")).isEqualTo("user_count%2Csubscription_count");
    assertThat(request.query().get("auth_signature"))
        .isEqualTo("f93ceb31f396aef336226efe512aaf339bd5e39c7c2c04b81cc8681dc16ee785");
  }

  @Test
  void channelWithoutAttributesSendsNoInfo() {
    server.enqueue(RecordingHttpServer.Reply.json("{\"occupied\":false}"));

    client.channel("test_channel");

    Recorded request = server.onlyRequest();
    assertThat(request.rawPath()).isEqualTo("/apps/3/channels/test_channel");
    assertThat(request.query()).doesNotContainKey("info");
    assertSignedCorrectly(request, SECRET);
  }

  @Test
  void channelWhoseNameNeedsNoPathEscapingIsSignedOverTheRawPath() {
    server.enqueue(RecordingHttpServer.Reply.json("{\"occupied\":true}"));

    client.channel("private-a=b@c,d;e", Info.SUBSCRIPTION_COUNT);

    Recorded request = server.onlyRequest();
    assertThat(request.rawPath()).isEqualTo("/apps/3/channels/private-a=b@c,d;e");
    assertSignedCorrectly(request, SECRET);
  }

  @Test
  void usersMatchesTheGoLibraryUrl() {
    String name = "presence-session-d41a439c438a100756f5-4bf35003e819bb138249-nYJLy67qh52";
    Recorded request = sentByAppB(1427053709L, "{\"users\":[]}", b -> b.users(name));

    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo("/apps/102015/channels/" + name + "/users");
    assertThat(request.rawQuery())
        .isEqualTo("auth_key=d41a439c438a100756f5"
            + "&auth_signature=207feaf4e8efeb24e5f148011704251bf90e2059a5f97a3eb52d06178b11feca"
            + "&auth_timestamp=1427053709&auth_version=1.0");
  }

  @Test
  void authTimestampComesFromTheConfiguredClock() {
    client.trigger("test_channel", "test", "yolo");

    assertThat(server.onlyRequest().query().get("auth_timestamp"))
        .isEqualTo(Long.toString(FIXED_CLOCK.instant().getEpochSecond()));
  }

  // ---- data encoding ----------------------------------------------------------------------

  record Order(int id, String item) {}

  private String sentData(Object data) throws Exception {
    client.trigger("test_channel", "test", data);
    List<Recorded> requests = server.requests();
    return body(requests.get(requests.size() - 1)).get("data").asText();
  }

  @Test
  void stringDataIsSentAsIs() throws Exception {
    assertThat(sentData("{\"already\":\"json\"}")).isEqualTo("{\"already\":\"json\"}");
  }

  @Test
  void byteArrayDataIsSentAsItsUtf8Text() throws Exception {
    assertThat(sentData("héllo ✓".getBytes(StandardCharsets.UTF_8))).isEqualTo("héllo ✓");
  }

  @Test
  void mapDataIsSentAsJson() throws Exception {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("message", "hello");
    data.put("n", 42);
    assertThat(sentData(data)).isEqualTo("{\"message\":\"hello\",\"n\":42}");
  }

  @Test
  void objectDataIsSentAsJson() throws Exception {
    assertThat(sentData(new Order(42, "tea"))).isEqualTo("{\"id\":42,\"item\":\"tea\"}");
  }

  @Test
  void nonAsciiBodyIsSignedOverItsUtf8Bytes() {
    client.trigger("test_channel", "test", Map.of("text", "日本語 ✓ émoji 😀"));

    Recorded request = server.onlyRequest();
    assertThat(request.bodyText()).contains("日本語");
    assertSignedCorrectly(request, SECRET);
  }

  @Test
  void encryptedChannelSendsAnEnvelopeThatDecryptsToTheData() throws Exception {
    String channel = "private-encrypted-test_channel";
    try (ChannelsClient encrypting =
        TestClients.builderFor(server).encryptionMasterKeyBase64(TestClients.MASTER_KEY_BASE64).build()) {
      encrypting.trigger(channel, "test", Map.of("secret", "plans"));
    }

    Recorded request = server.onlyRequest();
    assertSignedCorrectly(request, SECRET);
    JsonNode envelope = JSON.readTree(body(request).get("data").asText());
    assertThat(envelope.size()).isEqualTo(2);
    assertThat(envelope.get("nonce").asText()).isNotBlank();
    assertThat(envelope.get("ciphertext").asText()).doesNotContain("plans");
    ChannelEncryption opener = new ChannelEncryption(Base64.getDecoder().decode(TestClients.MASTER_KEY_BASE64));
    byte[] plain = opener.decrypt(channel, envelope.get("nonce").asText(), envelope.get("ciphertext").asText());
    assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("{\"secret\":\"plans\"}");
  }

  @Test
  void encryptedEventInABatchIsEncryptedWhileThePlainOneIsNot() throws Exception {
    String channel = "private-encrypted-test_channel";
    try (ChannelsClient encrypting =
        TestClients.builderFor(server).encryptionMasterKeyBase64(TestClients.MASTER_KEY_BASE64).build()) {
      encrypting.triggerBatch(List.of(Event.of("test_channel", "test", "yolo1"), Event.of(channel, "test", "yolo2")));
    }

    JsonNode batch = body(server.onlyRequest()).get("batch");
    assertThat(batch.get(0).get("data").asText()).isEqualTo("yolo1");
    JsonNode envelope = JSON.readTree(batch.get(1).get("data").asText());
    ChannelEncryption opener = new ChannelEncryption(Base64.getDecoder().decode(TestClients.MASTER_KEY_BASE64));
    byte[] plain = opener.decrypt(channel, envelope.get("nonce").asText(), envelope.get("ciphertext").asText());
    assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("yolo2");
  }
}
