package dev.channels4j.internal.url;

import dev.channels4j.ValidationException;
import dev.channels4j.internal.Errors;
import dev.channels4j.internal.validation.Validation;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader and writer of an app's URL, {@code http(s)://key:secret@host[:port]/apps/<app-id>}
 * (the value of {@code PUSHER_URL}): the client builder, the CLI and the local server all go
 * through it. Holds the secret: {@link #toString()} hides it.
 *
 * @param useTls {@code https}
 * @param key the app key, decoded
 * @param secret the app secret, decoded
 * @param host the host as the URL writes it ({@code [::1]} for IPv6)
 * @param port the explicit port, or {@code null} for the scheme's default
 * @param appId the app id
 */
public record PusherUrl(boolean useTls, String key, String secret, String host, Integer port, String appId) {
  private static final Pattern REGISTRY_HOST = Pattern.compile("([A-Za-z0-9._-]+)(?::([0-9]{1,5}))?");
  private static final String HINT = "; expected http(s)://key:secret@host[:port]/apps/<app-id>";

  /**
   * Reads a URL.
   *
   * @param source what the URL came from ({@code URL}, {@code PUSHER_URL}, {@code --url}): error
   *     messages start with it
   * @throws ValidationException naming what is wrong, never quoting the secret
   */
  public static PusherUrl parse(String url, String source) {
    if (url == null) {
      throw Errors.invalidSetting("url", source + " must not be null");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      // Not chained: the URISyntaxException's message quotes the whole URL, secret included.
      throw Errors.invalidSetting("url",
          source + " is not a valid URL: " + e.getReason() + " at index " + e.getIndex() + HINT);
    }
    String scheme = uri.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw Errors.invalidSetting("url", source + " must start with http:// or https://" + HINT);
    }
    String host = uri.getHost();
    int port = uri.getPort();
    String userInfo = uri.getRawUserInfo();
    if (host == null && uri.getRawAuthority() != null) {
      // java.net.URI reads a host with underscores (a Docker Compose service) as a registry
      // authority: split it ourselves.
      String authority = uri.getRawAuthority();
      int at = authority.lastIndexOf('@');
      userInfo = at < 0 ? null : authority.substring(0, at);
      Matcher hostAndPort = REGISTRY_HOST.matcher(authority.substring(at + 1));
      if (hostAndPort.matches()) {
        host = hostAndPort.group(1);
        port = hostAndPort.group(2) == null ? -1 : Integer.parseInt(hostAndPort.group(2));
      }
    }
    if (host == null) {
      throw Errors.invalidSetting("url", source + " has no host" + HINT);
    }
    if (userInfo == null || userInfo.isEmpty()) {
      throw Errors.invalidSetting("url", source + " has no key:secret before the host" + HINT);
    }
    int colon = userInfo.indexOf(':');
    if (colon <= 0 || colon == userInfo.length() - 1) {
      throw Errors.invalidSetting("url", source + " must carry both key and secret as key:secret" + HINT);
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (!path.matches("/apps/[^/]+/?")) {
      throw Errors.invalidSetting("url", source + " has no app id: its path must be /apps/<app-id>" + HINT);
    }
    return new PusherUrl(
        "https".equalsIgnoreCase(scheme),
        URLDecoder.decode(userInfo.substring(0, colon), StandardCharsets.UTF_8),
        URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8),
        host,
        port == -1 ? null : port,
        path.replaceAll("^/apps/|/$", ""));
  }

  /** The port, if the URL names one. */
  public Optional<Integer> explicitPort() {
    return Optional.ofNullable(port);
  }

  /** The URL text; key and secret percent-encoded, so that {@link #parse} reads back the same values. */
  public String format() {
    return (useTls ? "https" : "http") + "://" + Validation.pathSegment(key) + ":" + Validation.pathSegment(secret)
        + "@" + (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + (port == null ? "" : ":" + port) + "/apps/" + Validation.pathSegment(appId);
  }

  @Override
  public String toString() {
    return "PusherUrl[" + (useTls ? "https" : "http") + "://" + key + ":<hidden>@" + host
        + (port == null ? "" : ":" + port) + "/apps/" + appId + "]";
  }
}
