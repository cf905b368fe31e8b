package dev.channels4j.local.internal.http;

import dev.channels4j.internal.signing.Hashing;
import dev.channels4j.internal.signing.RequestSigner;
import dev.channels4j.local.internal.state.AppRegistry;
import dev.channels4j.local.internal.state.AppState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Checks an API request the way Pusher does, strictly: the key belongs to the app of the path, the
 * version is 1.0, the timestamp is within 600 s of the server's clock, {@code body_md5} is the MD5
 * of the body received, and the signature is the HMAC of the string to sign with lower-cased,
 * sorted parameter names. The string to sign comes from the core library's {@link RequestSigner}.
 */
final class RequestAuthenticator {
  static final long TIMESTAMP_WINDOW_SECONDS = 600;
  private static final String EMPTY_MD5 = Hashing.md5Hex(new byte[0]);

  private final AppRegistry apps;
  private final Clock clock;

  RequestAuthenticator(AppRegistry apps, Clock clock) {
    this.apps = apps;
    this.clock = clock;
  }

  /**
   * Everything that does not need the body: the app, key, version, timestamp and the signature
   * (which covers {@code body_md5}), so an unsigned request is refused before its body is read.
   *
   * @param params query parameters with lower-cased names, values decoded
   * @return the app the request is for
   */
  AppState authenticateQuery(String appId, String method, String rawPath, Map<String, String> params) {
    AppState app = apps.byId(appId);
    if (app == null) {
      throw ApiError.notFound("Unknown app id " + appId);
    }
    String key = require(params, "auth_key");
    AppState keyApp = apps.byKey(key);
    if (keyApp == null) {
      throw ApiError.badRequest("Unknown auth_key");
    }
    if (keyApp != app) {
      throw ApiError.unauthorized("auth_key " + key + " does not belong to app " + appId);
    }
    String version = require(params, "auth_version");
    if (!RequestSigner.AUTH_VERSION.equals(version)) {
      throw ApiError.unauthorized("Unsupported auth_version " + version + "; only 1.0 is supported");
    }
    checkTimestamp(require(params, "auth_timestamp"));
    String signature = require(params, "auth_signature");
    String stringToSign = RequestSigner.stringToSign(method, rawPath, params);
    byte[] expected = Hashing.hmacSha256(app.app().secret(), stringToSign.getBytes(StandardCharsets.UTF_8));
    if (!Hashing.hexSignatureMatches(expected, signature)) {
      throw ApiError.unauthorized("Invalid signature: you should have sent HmacSHA256Hex(\""
          + stringToSign.replace("\n", "\\n") + "\", your_secret_key), but you sent \"" + signature + "\"");
    }
    return app;
  }

  /** The body received is the one {@code body_md5}, signed in the query, names. */
  void checkBody(Map<String, String> params, byte[] body) {
    String bodyMd5 = params.get("body_md5");
    if (body.length > 0) {
      if (bodyMd5 == null) {
        throw ApiError.unauthorized("body_md5 is required for a request with a body");
      }
      String actual = Hashing.md5Hex(body);
      if (!actual.equals(bodyMd5)) {
        throw ApiError.unauthorized(
            "body_md5 mismatch: the body received has MD5 " + actual + ", but body_md5 is " + bodyMd5);
      }
    } else if (bodyMd5 != null && !EMPTY_MD5.equals(bodyMd5)) {
      throw ApiError.unauthorized("body_md5 is " + bodyMd5 + " but the request has no body");
    }
  }

  private void checkTimestamp(String value) {
    long timestamp;
    try {
      timestamp = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiError.unauthorized("auth_timestamp must be a Unix time in seconds, got \"" + value + "\"");
    }
    Instant now = clock.instant();
    if (Math.abs(now.getEpochSecond() - timestamp) > TIMESTAMP_WINDOW_SECONDS) {
      String given = timestamp > -100_000_000_000L && timestamp < 100_000_000_000L
          ? Instant.ofEpochSecond(timestamp).toString() : value;
      throw ApiError.unauthorized("Timestamp expired: Given timestamp (" + given + ") not within "
          + TIMESTAMP_WINDOW_SECONDS + "s of server time (" + Instant.ofEpochSecond(now.getEpochSecond()) + ")");
    }
  }

  private static String require(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null || value.isEmpty()) {
      throw ApiError.unauthorized("Missing " + name + ": every request must be signed (auth_key, auth_timestamp,"
          + " auth_version, auth_signature, and body_md5 when there is a body)");
    }
    return value;
  }
}
