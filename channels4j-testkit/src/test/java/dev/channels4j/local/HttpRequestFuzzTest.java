package dev.channels4j.local;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The HTTP API's request bodies and query parameters are outside input: signed or not, any body
 * is answered 2xx or 4xx, never 5xx, and the server keeps serving.
 */
class HttpRequestFuzzTest {
  private static LocalServer server;
  private static RawApi api;

  @BeforeContainer
  static void start() {
    server = LocalServer.builder().host("127.0.0.1").port(0).build().start();
    api = new RawApi(server);
  }

  @AfterContainer
  static void stop() {
    // The server still publishes after everything the properties threw at it.
    assertThat(api.post("/apps/app-id/events", "{\"name\":\"e\",\"channel\":\"room\",\"data\":\"d\"}").statusCode())
        .isEqualTo(200);
    server.close();
  }

  @Property
  void anySignedEventBodyIsAnsweredWithoutAServerError(@ForAll("eventBodies") String body) {
    assertNoServerError(api.post("/apps/app-id/events", body));
  }

  @Property
  void anySignedBatchBodyIsAnsweredWithoutAServerError(@ForAll("batchBodies") String body) {
    assertNoServerError(api.post("/apps/app-id/batch_events", body));
  }

  @Property
  void anySignedQueryIsAnsweredWithoutAServerError(@ForAll("paths") String path, @ForAll("params") Map<String, String> params) {
    String query = new RequestSigner(LocalApp.DEFAULT_KEY, LocalApp.DEFAULT_SECRET)
        .signedQuery("GET", path, params, null, RawApi.now());
    assertNoServerError(raw("GET", path + "?" + query, null));
  }

  @Property
  void anyUnsignedOrBadlySignedRequestIsAnsweredWithoutAServerError(
      @ForAll("queries") String query, @ForAll("eventBodies") String body) {
    assertNoServerError(raw("POST", "/apps/app-id/events?" + query, body));
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

  @Provide
  Arbitrary<String> eventBodies() {
    return FuzzInputs.eventBody();
  }

  @Provide
  Arbitrary<String> batchBodies() {
    return FuzzInputs.damaged(Arbitraries.oneOf(
        FuzzInputs.eventBody().list().ofMaxSize(12).map(events -> "{\"batch\":[" + String.join(",", events) + "]}"),
        FuzzInputs.value(3)));
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.oneOf(
        Arbitraries.of("/apps/app-id/channels", "/apps/app-id/channels/room", "/apps/app-id/channels/presence-room/users",
            "/apps/app-id/channels/room/users", "/apps/app-id/channels/%20", "/apps/app-id/channels/a%2Fb",
            "/apps/app-id/users/7/terminate_connections", "/apps/other/channels"),
        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(20).map(s -> "/apps/app-id/channels/" + s),
        Arbitraries.strings().ofMaxLength(10).map(s -> "/apps/app-id/channels/" + s.replaceAll("[\\s]", "")));
  }

  @Provide
  Arbitrary<Map<String, String>> params() {
    return Arbitraries.maps(
        Arbitraries.oneOf(Arbitraries.of("info", "filter_by_prefix", "auth_key", "x"), Arbitraries.strings().alpha().ofMaxLength(8)),
        Arbitraries.oneOf(Arbitraries.of("user_count", "subscription_count", "user_count,subscription_count", "cache",
            "presence-", "", ",,"), Arbitraries.strings().ofMaxLength(12))).ofMaxSize(3);
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "auth_key=app-key", "auth_key=app-key&auth_timestamp=1&auth_version=1.0&auth_signature=00",
            "auth_key=app-key&auth_timestamp=99999999999999999999&auth_version=1.0&body_md5=x&auth_signature=zz",
            "auth_key=%&auth_signature=%zz", "auth_key=app-key&auth_key=other"),
        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40));
  }
}
