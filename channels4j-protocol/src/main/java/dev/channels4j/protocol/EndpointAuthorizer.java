package dev.channels4j.protocol;

import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Calls the application's own auth endpoints as pusher-js does: a form-encoded POST of
 * {@code socket_id} and {@code channel_name} (user sign-in: {@code socket_id} only), answered with
 * the JSON the Channels protocol expects.
 */
final class EndpointAuthorizer implements Authorizer {
  /** Answers longer than this are not read: an auth answer is a few hundred bytes. */
  private static final int MAX_ANSWER_BYTES = 64 * 1024;
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final URI channelUrl;
  private final URI userUrl;
  private final Map<String, List<String>> headers;
  private final Duration timeout;

  EndpointAuthorizer(URI channelUrl, URI userUrl, Map<String, List<String>> headers, Duration timeout) {
    if (channelUrl == null && userUrl == null) {
      throw new IllegalArgumentException("give the channel authorization URL, the user authentication URL, or both");
    }
    this.channelUrl = channelUrl;
    this.userUrl = userUrl;
    this.headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public AuthAnswer channel(String socketId, String channel, PresenceMember member) {
    if (channelUrl == null) {
      throw new SocketException("channel " + channel + " needs authorization, and no channel authorization URL is set", null);
    }
    return AuthAnswer.parse(post(channelUrl, "socket_id=" + encode(socketId) + "&channel_name=" + encode(channel),
        "the authorization of " + channel), channel);
  }

  @Override
  public AuthAnswer user(String socketId, UserData user) {
    if (userUrl == null) {
      throw new SocketException("signing in needs a user authentication URL, and none is set", null);
    }
    return AuthAnswer.parse(post(userUrl, "socket_id=" + encode(socketId), "the sign-in"), "the sign-in");
  }

  private String post(URI url, String form, String what) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
    headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    int status;
    byte[] bytes;
    try {
      HttpResponse<java.io.InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      status = response.statusCode();
      try (java.io.InputStream in = response.body()) {
        bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
      }
    } catch (IOException e) {
      throw new SocketException(what + " failed: POST " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SocketException(what + " was interrupted: POST " + url, e);
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    if (status / 100 != 2) {
      throw new SocketException(what + " was refused: POST " + url + " answered " + status
          + (body.isBlank() ? "" : ": " + abbreviate(body)) + likelyCause(status), null);
    }
    if (bytes.length > MAX_ANSWER_BYTES) {
      throw new SocketException(what + ": POST " + url + " answered more than " + MAX_ANSWER_BYTES
          + " bytes; an auth answer is a small JSON object", null);
    }
    return body;
  }

  /** 401 and 403 look alike from here: say what usually causes each. */
  private static String likelyCause(int status) {
    if (status == 401) {
      return " (likely: no or wrong credentials in the subscriber's headers; with Spring Security also a missing"
          + " or invalid CSRF token, whose 403 its error page may turn into 401)";
    }
    if (status == 403) {
      return " (likely: the application's rule refused this user or channel, no rule matches the channel,"
          + " or a missing or invalid CSRF token)";
    }
    return "";
  }

  private static String abbreviate(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    // Header values may be credentials (cookies, tokens): only their names are shown.
    return "EndpointAuthorizer[channel=" + channelUrl + ", user=" + userUrl + ", headers=" + headers.keySet() + "]";
  }
}
