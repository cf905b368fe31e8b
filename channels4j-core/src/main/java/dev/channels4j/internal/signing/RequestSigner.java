package dev.channels4j.internal.signing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signs Channels HTTP API requests (auth_version 1.0) and verifies them on the server side.
 *
 * <p>The string to sign is {@code METHOD\npath\nsorted-query}: every query parameter but
 * {@code auth_signature}, keys sorted, values raw (not percent-encoded). On the wire the values are
 * percent-encoded. The signature is the lower-case hex HMAC-SHA256 of that string with the app secret.
 */
public final class RequestSigner {
  public static final String AUTH_VERSION = "1.0";

  private final String key;
  private final String secret;
  private final String encodedKey;

  public RequestSigner(String key, String secret) {
    this.key = key;
    this.secret = secret;
    this.encodedKey = encodeQueryValue(key);
  }

  /**
   * Returns the full, percent-encoded query string (without the leading {@code ?}) for a request.
   *
   * @param method upper-case HTTP method
   * @param path the path exactly as requested, e.g. {@code /apps/3/events}
   * @param extraParams the operation's own query parameters (lower-case names), may be empty
   * @param body the exact body bytes sent, or {@code null} for a request without a body
   * @param timestampSeconds Unix time in seconds
   */
  public String signedQuery(
      String method, String path, Map<String, String> extraParams, byte[] body, long timestampSeconds) {
    if (extraParams.isEmpty()) {
      return authOnlyQuery(method, path, body, timestampSeconds);
    }
    TreeMap<String, String> params = new TreeMap<>(extraParams);
    params.put("auth_key", key);
    params.put("auth_timestamp", Long.toString(timestampSeconds));
    params.put("auth_version", AUTH_VERSION);
    if (body != null) {
      params.put("body_md5", Hashing.md5Hex(body));
    }
    String signature = Hashing.hmacSha256Hex(secret, stringToSign(method, path, params));
    params.put("auth_signature", signature);
    StringBuilder query = new StringBuilder(256);
    for (Map.Entry<String, String> param : params.entrySet()) {
      if (query.length() > 0) {
        query.append('&');
      }
      query.append(param.getKey()).append('=').append(encodeQueryValue(param.getValue()));
    }
    return query.toString();
  }

  /**
   * The common case, a request with no parameters of its own (every POST): the auth parameters in
   * their sorted order, written straight out. Only the key may need percent-encoding; the
   * timestamp, the version and the hex digests never do.
   */
  private String authOnlyQuery(String method, String path, byte[] body, long timestampSeconds) {
    String timestamp = Long.toString(timestampSeconds);
    String bodyMd5 = body == null ? null : Hashing.md5Hex(body);
    StringBuilder toSign = new StringBuilder(method.length() + path.length() + key.length() + 110);
    toSign.append(method).append('\n').append(path).append('\n')
        .append("auth_key=").append(key)
        .append("&auth_timestamp=").append(timestamp)
        .append("&auth_version=").append(AUTH_VERSION);
    if (bodyMd5 != null) {
      toSign.append("&body_md5=").append(bodyMd5);
    }
    String signature = Hashing.hmacSha256Hex(secret, toSign.toString());
    StringBuilder query = new StringBuilder(encodedKey.length() + 180);
    query.append("auth_key=").append(encodedKey)
        .append("&auth_signature=").append(signature)
        .append("&auth_timestamp=").append(timestamp)
        .append("&auth_version=").append(AUTH_VERSION);
    if (bodyMd5 != null) {
      query.append("&body_md5=").append(bodyMd5);
    }
    return query.toString();
  }

  /** The string that is signed: method, path and the sorted raw query, joined by newlines. */
  public static String stringToSign(String method, String path, Map<String, String> paramsWithoutSignature) {
    TreeMap<String, String> sorted = new TreeMap<>(paramsWithoutSignature);
    sorted.remove("auth_signature");
    StringBuilder out = new StringBuilder(method.length() + path.length() + 160);
    out.append(method).append('\n').append(path).append('\n');
    boolean first = true;
    for (Map.Entry<String, String> param : sorted.entrySet()) {
      if (!first) {
        out.append('&');
      }
      first = false;
      out.append(param.getKey()).append('=').append(param.getValue());
    }
    return out.toString();
  }

  /** The hex signature the given request should carry, for verification by a server. */
  public String expectedSignature(String method, String path, Map<String, String> paramsWithoutSignature) {
    return Hashing.hmacSha256Hex(secret, stringToSign(method, path, paramsWithoutSignature));
  }

  /** Percent-encodes a query value (spaces as {@code %20}, not {@code +}). */
  public static String encodeQueryValue(String value) {
    // Keys, timestamps and hex digests need no encoding; skip the encoder's copies for them.
    for (int i = 0; i < value.length(); i++) {
      if (!isUnreserved(value.charAt(i))) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
      }
    }
    return value;
  }

  /** RFC 3986 unreserved characters, which URLEncoder leaves as they are too (but for '~'). */
  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
  }

  @Override
  public String toString() {
    return "RequestSigner[key=" + key + "]";
  }
}
