package dev.channels4j.examples.reactive;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in client of the app's own API, as a browser page is: HTTP basic, the session cookie, and
 * the CSRF token from {@code GET /api/me} sent as a header with each POST. (Subscribers need none of
 * this: {@code LocalChannels.subscriberWithBasicAuth} fetches the token the app expects.)
 */
final class SignedIn {
  static final String PASSWORD = "password";

  private final int port;
  private final String basic;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String csrfHeader;
  private final String csrfToken;

  SignedIn(int port, String user) throws Exception {
    this.port = port;
    this.basic = basic(user);
    String me = http.send(request("/api/me").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    this.csrfHeader = field(me, "csrfHeader");
    this.csrfToken = field(me, "csrfToken");
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> postJson(String path, String json) throws Exception {
    return post(path, "application/json", json);
  }

  HttpResponse<String> postForm(String path, String form) throws Exception {
    return post(path, "application/x-www-form-urlencoded", form);
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return http.send(request(path).header("Content-Type", contentType).header(csrfHeader, csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", basic);
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
