package dev.channels4j;

import static dev.channels4j.TestClients.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.testing.RecordingHttpServer.Recorded;
import dev.channels4j.testing.RecordingHttpServer.Reply;
import dev.channels4j.testing.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** client.get(path, query) and client.post(path, body): any endpoint, signed like every request. */
class EscapeHatchTest extends RecordedClientFixture {
  private static void assertSigned(Recorded request) {
    assertThat(request.query().get("auth_signature")).isEqualTo(SignatureCheck.expectedSignature(request, SECRET));
  }

  // ---- get ----------------------------------------------------------------------------------

  @Test
  void getSendsThePathUnderTheAppWithTheQueryAndReturnsTheAnswer() {
    server.enqueue(Reply.json("{\"channels\":{\"presence-a\":{\"user_count\":2}}}"));

    RawResponse response = client.get("/channels", Map.of("filter_by_prefix", "presence-", "info", "user_count"));

    Recorded request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo("/apps/3/channels");
    assertThat(request.query()).containsEntry("filter_by_prefix", "presence-").containsEntry("info", "user_count");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"channels\":{\"presence-a\":{\"user_count\":2}}}");
  }

  @Test
  void getIsSignedWithItsQuery() {
    client.get("/channels", Map.of("filter_by_prefix", "presence-", "info", "user_count"));

    assertSigned(server.onlyRequest());
  }

  @Test
  void getMatchesTheDocumentedVectorOfAChannelsQuery() {
    // protocol.md §1.2: GET /apps/3/channels, filter_by_prefix=presence-, info=user_count, timestamp 1353088179.
    client.get("/channels", Map.of("filter_by_prefix", "presence-", "info", "user_count"));

    assertThat(server.onlyRequest().query().get("auth_signature"))
        .isEqualTo("16819168891cb5dfd72b5c7a5d3d602605b26c6ba1930033b5e2eeeb65010291");
  }

  @Test
  void queryValuesAreSignedRawAndPercentEncodedOnTheWire() {
    client.get("/channels", Map.of("filter_by_prefix", "a b&c=d"));

    Recorded request = server.onlyRequest();
    assertThat(request.rawQueryValue("filter_by_prefix")).isEqualTo("a%20b%26c%3Dd");
    assertThat(request.query()).containsEntry("filter_by_prefix", "a b&c=d");
    assertSigned(request);
  }

  @Test
  void aPercentEncodedPathIsSentAndSignedAsGiven() {
    client.get("/users/auth0%7C123", Map.of());

    Recorded request = server.onlyRequest();
    assertThat(request.rawPath()).isEqualTo("/apps/3/users/auth0%7C123");
    assertSigned(request);
  }

  @Test
  void anErrorStatusIsAnApiExceptionWithTheBody() {
    server.enqueue(Reply.text(400, "Cannot retrieve the user count unless the channel is a presence channel"));

    assertThatThrownBy(() -> client.get("/channels/a", Map.of("info", "user_count")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.body()).contains("presence channel");
        });
  }

  // ---- post ---------------------------------------------------------------------------------

  @Test
  void postSendsAnObjectAsJsonWithItsMd5Signed() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "foo");
    body.put("channels", List.of("project-3"));
    body.put("data", "{\"some\":\"data\"}");

    client.post("/events", body);

    Recorded request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/apps/3/events");
    assertThat(request.bodyText()).isEqualTo("{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}");
    assertThat(request.header("Content-Type")).startsWith("application/json");
    assertThat(request.query()).containsEntry("body_md5", SignatureCheck.md5Hex(request.body()));
    assertSigned(request);
  }

  @Test
  void postMatchesTheDocumentedTriggerVector() {
    // protocol.md §1.2: the docs' worked example, sent as a String body.
    client.post("/events", "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}");

    assertThat(server.onlyRequest().query())
        .containsEntry("body_md5", "ec365a775a4cd0599faeb73354201b6f")
        .containsEntry("auth_signature", "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");
  }

  @Test
  void postSendsBytesAsTheyAre() {
    byte[] body = "{\"x\":\"ü\"}".getBytes(StandardCharsets.UTF_8);

    client.post("/anything", body);

    assertThat(server.onlyRequest().body()).isEqualTo(body);
  }

  @Test
  void postReturnsTheAnswer() {
    server.enqueue(Reply.json("{\"ok\":true}"));

    assertThat(client.post("/users/1/terminate_connections", "{}").body()).isEqualTo("{\"ok\":true}");
  }

  // ---- async --------------------------------------------------------------------------------

  @Test
  void asyncGetAndPostSendTheSameSignedRequests() {
    server.enqueue(Reply.json("{\"a\":1}"), Reply.json("{\"b\":2}"));

    RawResponse got = client.async().get("/channels", Map.of("info", "subscription_count")).join();
    RawResponse posted = client.async().post("/events", Map.of("name", "e")).join();

    assertThat(got.body()).isEqualTo("{\"a\":1}");
    assertThat(posted.body()).isEqualTo("{\"b\":2}");
    assertThat(server.requests()).hasSize(2).allSatisfy(EscapeHatchTest::assertSigned);
  }

  @Test
  void asyncBadPathFailsTheFutureAndSendsNothing() {
    CompletableFuture<RawResponse> future = client.async().get("channels", Map.of());

    assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ValidationException.class);
    assertThat(client.async().post(null, "{}")).isCompletedExceptionally();
    assertThat(server.requestCount()).isZero();
  }

  // ---- bad input, refused before sending ----------------------------------------------------

  @ParameterizedTest
  @CsvSource(delimiter = '^', value = {
      "channels^must start with /",
      "/channels?info=x^must not contain ? or #",
      "/channels#x^must not contain ? or #",
      "/channels/a b^percent-encode it",
      "/users/auth0|123^percent-encode it",
      "/channels/%zz^%XX",
      "/channels/%4^%XX",
      "/../other-app/events^read as . or ..",
      "/./channels^read as . or .."})
  void badPathsAreRefusedNamingTheProblem(String path, String problem) {
    assertThatThrownBy(() -> client.get(path, Map.of()))
        .isInstanceOf(ValidationException.class).hasMessageContaining(problem);
    assertThatThrownBy(() -> client.post(path, "{}"))
        .isInstanceOf(ValidationException.class).hasMessageContaining(problem);
    assertThat(server.requestCount()).isZero();
  }

  /** Red-team finding 1 (issue 16): each of these reached another endpoint of a Tomcat app, signed. */
  @ParameterizedTest
  @ValueSource(strings = {
      "/%2e%2e/%2e%2e/pusher/webhooks", "/%2E%2E/x", "/.%2e/x", "/%2e./x", "/%2e/channels", "/..;/x",
      "/%2e%2e;/x", "/channels/..;jsessionid=1", "/%252e%252e/x", "/%25252e/x", "/..%2f../x", "/..%2F..",
      "/x/..%5c..", "/%c0%ae%c0%ae/x", "/%2e%2e%3b/x", "/.;a=b/x"})
  void pathsAServerWouldReadAsDotSegmentsAreRefusedBeforeSending(String path) {
    assertThatThrownBy(() -> client.get(path, Map.of()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("path").hasMessageContaining("read as . or ..");
    assertThatThrownBy(() -> client.post(path, "{}"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("path");
    assertThatThrownBy(() -> client.async().get(path, Map.of()).join())
        .hasCauseInstanceOf(ValidationException.class);
    assertThat(server.requestCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/channels/a.b", "/channels/...", "/channels/..x", "/channels/x..", "/channels/a;b",
      "/channels/%2e%2e%2e", "/channels/%2ex", "/channels/a%2Fb"})
  void segmentsWithDotsThatNoServerResolvesAreSent(String path) {
    server.enqueue(Reply.json("{}"));

    client.get(path, Map.of());

    assertThat(server.onlyRequest().rawPath()).isEqualTo("/apps/" + TestClients.APP_ID + path);
  }

  /** Red-team finding 2 (issue 16): a lone surrogate was signed and sent as "?". */
  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "a\uDC00b", "x\uD83D"})
  void queryValuesWithAnUnpairedSurrogateAreRefused(String value) {
    assertThatThrownBy(() -> client.get("/channels", Map.of("filter_by_prefix", value)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("query parameter filter_by_prefix")
        .hasMessageContaining("unpaired surrogate");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void nullPathIsRefused() {
    assertThatThrownBy(() -> client.get(null, Map.of())).isInstanceOf(ValidationException.class).hasMessageContaining("path");
  }

  @ParameterizedTest
  @ValueSource(strings = {"auth_key", "auth_timestamp", "auth_version", "auth_signature", "body_md5", "AUTH_KEY"})
  void parametersOfTheSignatureItselfAreRefused(String name) {
    assertThatThrownBy(() -> client.get("/channels", Map.of(name, "x")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(name)
        .hasMessageContaining("signature");
    assertThat(server.requestCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Info", "filter by", "a&b", "a=b"})
  void parameterNamesOutsideLowerCaseAreRefused(String name) {
    assertThatThrownBy(() -> client.get("/channels", Map.of(name, "x")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("lower case");
  }

  @Test
  void nullQueryAndNullValuesAreRefused() {
    Map<String, String> withNull = new HashMap<>();
    withNull.put("info", null);
    assertThatThrownBy(() -> client.get("/channels", null)).isInstanceOf(ValidationException.class).hasMessageContaining("Map.of()");
    assertThatThrownBy(() -> client.get("/channels", withNull)).isInstanceOf(ValidationException.class).hasMessageContaining("info");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void nullOrUnserializableBodyIsRefused() {
    assertThatThrownBy(() -> client.post("/events", null)).isInstanceOf(ValidationException.class).hasMessageContaining("body");
    assertThatThrownBy(() -> client.post("/events", new Object()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("JSON");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void rawResponseToStringLeavesTheBodyOut() {
    server.enqueue(Reply.json("{\"secret-looking\":\"x\"}"));

    assertThat(client.get("/channels", Map.of()).toString()).isEqualTo("RawResponse[status=200, body=22 chars]");
  }
}
