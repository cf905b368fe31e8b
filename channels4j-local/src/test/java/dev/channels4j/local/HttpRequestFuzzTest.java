package dev.channels4j.local;

import dev.channels4j.testsupport.Fuzz;
import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.internal.signing.RequestSigner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API's request bodies and query parameters are outside input: signed or not, any body
 * is answered 2xx or 4xx, never 5xx, and the server keeps serving.
 */
class HttpRequestFuzzTest {
  private static LocalServer server;
  private static RawApi api;

  @BeforeAll
  static void start() {
    server = LocalServer.builder().host("127.0.0.1").port(0).build().start();
    api = new RawApi(server);
  }

  @AfterAll
  static void stop() {
    // The server still publishes after everything the properties threw at it.
    assertThat(api.post("/apps/app-id/events", "{\"name\":\"e\",\"channel\":\"room\",\"data\":\"d\"}").statusCode())
        .isEqualTo(200);
    server.close();
  }

  private record SignedQuery(String path, Map<String, String> params) {}

  private record UnsignedPost(String query, String body) {}

  @Test
  void anySignedEventBodyIsAnsweredWithoutAServerError() {
    Fuzz.forAll("anySignedEventBody", FuzzInputs::eventBody,
        body -> assertNoServerError(api.post("/apps/app-id/events", body)));
  }

  @Test
  void anySignedBatchBodyIsAnsweredWithoutAServerError() {
    Fuzz.forAll("anySignedBatchBody", HttpRequestFuzzTest::batchBody,
        body -> assertNoServerError(api.post("/apps/app-id/batch_events", body)));
  }

  @Test
  void anySignedQueryIsAnsweredWithoutAServerError() {
    Fuzz.forAll("anySignedQuery", g -> new SignedQuery(path(g), params(g)), input -> {
      String query = new RequestSigner(LocalApp.DEFAULT_KEY, LocalApp.DEFAULT_SECRET)
          .signedQuery("GET", input.path(), input.params(), null, RawApi.now());
      assertNoServerError(raw("GET", input.path() + "?" + query, null));
    });
  }

  @Test
  void anyUnsignedOrBadlySignedRequestIsAnsweredWithoutAServerError() {
    Fuzz.forAll("anyUnsignedOrBadlySignedRequest", g -> new UnsignedPost(query(g), FuzzInputs.eventBody(g)),
        input -> assertNoServerError(raw("POST", "/apps/app-id/events?" + input.query(), input.body())));
  }

  private static void assertNoServerError(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
  }

  private static void assertNoServerError(String statusLine) {
    assertThat(statusLine).as("status line").matches("HTTP/1\\.1 [24]\\d\\d.*");
  }

  /**
   * Sends a request as raw bytes, so a target no URI class would accept still reaches the
   * server; returns the answer's status line.
   */
  private static String raw(String method, String target, String body) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(bytes);
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String status = in.readLine();
      return status == null ? "(no answer)" : status;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String batchBody(Fuzz.Gen g) {
    return g.damagedEncodable(() -> g.oneOf(
        () -> "{\"batch\":[" + String.join(",", g.list(12, () -> FuzzInputs.eventBody(g))) + "]}",
        () -> FuzzInputs.value(g, 3)));
  }

  private static String path(Fuzz.Gen g) {
    return g.oneOf(
        () -> g.of("/apps/app-id/channels", "/apps/app-id/channels/room", "/apps/app-id/channels/presence-room/users",
            "/apps/app-id/channels/room/users", "/apps/app-id/channels/%20", "/apps/app-id/channels/a%2Fb",
            "/apps/app-id/users/7/terminate_connections", "/apps/other/channels"),
        () -> "/apps/app-id/channels/" + g.string(20, '!', '~'),
        () -> "/apps/app-id/channels/" + g.encodableString(10).replaceAll("[\\s]", ""));
  }

  private static Map<String, String> params(Fuzz.Gen g) {
    return g.map(3,
        () -> g.oneOf(() -> g.of("info", "filter_by_prefix", "auth_key", "x"),
            () -> g.string(8, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")),
        () -> g.oneOf(() -> g.of("user_count", "subscription_count", "user_count,subscription_count", "cache",
            "presence-", "", ",,"), () -> g.encodableString(12)));
  }

  private static String query(Fuzz.Gen g) {
    return g.oneOf(
        () -> g.of("", "auth_key=app-key", "auth_key=app-key&auth_timestamp=1&auth_version=1.0&auth_signature=00",
            "auth_key=app-key&auth_timestamp=99999999999999999999&auth_version=1.0&body_md5=x&auth_signature=zz",
            "auth_key=%&auth_signature=%zz", "auth_key=app-key&auth_key=other"),
        () -> g.string(40, '!', '~'));
  }
}
