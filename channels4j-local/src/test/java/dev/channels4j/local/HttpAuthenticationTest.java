package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.internal.signing.RequestSigner;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpAuthenticationTest {
  @RegisterExtension
  static final LocalServerExtension SERVER = LocalServerExtension.perClass();

  private static final String EVENT = "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"d\"}";

  @Test
  void wrongSecretIs401WithStringToSign(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).credentials("app-key", "wrong")
        .post("/apps/app-id/events", EVENT);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).startsWith("Invalid signature: you should have sent HmacSHA256Hex(\"POST\\n/apps/app-id/events\\nauth_key=app-key");
    assertThat(response.body()).doesNotContain("app-secret");
  }

  @Test
  void timestampOlderThan600SecondsIs401(LocalServer server) {
    HttpResponse<String> response = new RawApi(server)
        .send("POST", "/apps/app-id/events", Map.of(), EVENT, RawApi.now() - 601);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).startsWith("Timestamp expired: Given timestamp (");
  }

  @Test
  void timestampInTheFutureBeyond600SecondsIs401(LocalServer server) {
    HttpResponse<String> response = new RawApi(server)
        .send("POST", "/apps/app-id/events", Map.of(), EVENT, RawApi.now() + 700);
    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void timestampWithinWindowIsAccepted(LocalServer server) {
    HttpResponse<String> response = new RawApi(server)
        .send("POST", "/apps/app-id/events", Map.of(), EVENT, RawApi.now() - 500);
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void bodyNotMatchingBodyMd5Is401(LocalServer server) {
    String query = new RequestSigner("app-key", "app-secret").signedQuery(
        "POST", "/apps/app-id/events", Map.of(), EVENT.getBytes(), RawApi.now());
    String tampered = EVENT.replace("\"d\"", "\"evil\"");
    HttpResponse<String> response = new RawApi(server).sendQuery("POST", "/apps/app-id/events", query, tampered);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).startsWith("body_md5 mismatch");
  }

  @Test
  void bodyWithoutBodyMd5Is401(LocalServer server) {
    // Signed as if there were no body, then sent with one.
    String query = new RequestSigner("app-key", "app-secret").signedQuery(
        "POST", "/apps/app-id/events", Map.of(), null, RawApi.now());
    HttpResponse<String> response = new RawApi(server).sendQuery("POST", "/apps/app-id/events", query, EVENT);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("body_md5 is required");
  }

  @Test
  void unknownKeyIs400(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).credentials("nope", "app-secret")
        .post("/apps/app-id/events", EVENT);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("Unknown auth_key\n");
  }

  @Test
  void unknownAppIdIs404(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).post("/apps/other-app/events", EVENT);
    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void unsignedRequestIs401(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).sendQuery("POST", "/apps/app-id/events", null, EVENT);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).startsWith("Missing auth_key");
  }

  @Test
  void unknownRouteIs404(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).get("/apps/app-id/nothing-here", Map.of());
    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void wrongMethodIs405(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).get("/apps/app-id/events", Map.of());
    assertThat(response.statusCode()).isEqualTo(405);
  }

  @Test
  void upperCaseParameterNamesAreSignedLowerCased(LocalServer server) {
    // The spec signs lower-cased names; a client that sends FILTER_BY_PREFIX must sign filter_by_prefix.
    long ts = RawApi.now();
    Map<String, String> lower = Map.of("filter_by_prefix", "x");
    String query = new RequestSigner("app-key", "app-secret").signedQuery("GET", "/apps/app-id/channels", lower, null, ts)
        .replace("filter_by_prefix=", "FILTER_BY_PREFIX=");
    HttpResponse<String> response = new RawApi(server).sendQuery("GET", "/apps/app-id/channels", query, null);
    assertThat(response.statusCode()).isEqualTo(200);
  }
}
