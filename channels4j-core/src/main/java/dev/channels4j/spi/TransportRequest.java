package dev.channels4j.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One signed request, ready to send: what a {@link Transport} receives. Immutable.
 *
 * <pre>{@code
 * TransportRequest r = ...;
 * r.method();     // "POST"
 * r.uri();        // https://api-eu.pusher.com/apps/123/events?auth_key=...&auth_signature=...
 * r.origin();     // "https://api-eu.pusher.com"
 * r.target();     // "/apps/123/events?auth_key=...&auth_signature=..."
 * r.body();       // the exact bytes whose MD5 was signed, or null for GET
 * }</pre>
 *
 * <p>The client builds requests as text: {@link #uri()} parses it on first use, so a transport
 * that sends {@link #origin()} and {@link #target()} as they are never pays for that parse.
 */
public final class TransportRequest {
  private final String method;
  private final String origin;
  private final String target;
  private final Map<String, String> headers;
  private final byte[] body;
  private final Duration timeout;
  private URI uri;

  /**
   * @param method upper-case HTTP method
   * @param uri absolute URI, query already percent-encoded and signed
   * @param headers headers to send (Content-Type and X-Pusher-Library among them)
   * @param body the body bytes, or {@code null} when there is no body
   * @param timeout how long the whole exchange may take
   */
  public TransportRequest(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
    this(method, originOf(Objects.requireNonNull(uri, "uri")), targetOf(uri), headers, body, timeout);
    this.uri = uri;
  }

  /**
   * @param method upper-case HTTP method
   * @param origin scheme, host and port, such as {@code http://127.0.0.1:6001}, without a trailing slash
   * @param target path and signed, percent-encoded query, starting with {@code /}
   * @param headers headers to send (Content-Type and X-Pusher-Library among them)
   * @param body the body bytes, or {@code null} when there is no body
   * @param timeout how long the whole exchange may take
   */
  public TransportRequest(
      String method, String origin, String target, Map<String, String> headers, byte[] body, Duration timeout) {
    this.method = Objects.requireNonNull(method, "method");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.target = Objects.requireNonNull(target, "target");
    if (!target.startsWith("/")) {
      throw new IllegalArgumentException("target must start with /, got " + target);
    }
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  private static String originOf(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static String targetOf(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** Upper-case HTTP method. */
  public String method() {
    return method;
  }

  /** The absolute URI: {@link #origin()} followed by {@link #target()}. */
  public URI uri() {
    URI parsed = uri;
    if (parsed == null) {
      parsed = URI.create(origin + target); // racing threads parse the same text: harmless
      uri = parsed;
    }
    return parsed;
  }

  /** Scheme, host and port, without a trailing slash. */
  public String origin() {
    return origin;
  }

  /** Path and query, as sent on the request line. */
  public String target() {
    return target;
  }

  /** Headers to send. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The body bytes, or {@code null} when there is no body. */
  public byte[] body() {
    return body;
  }

  /** How long the whole exchange may take. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    // The query carries a signature; only the path is worth showing.
    int query = target.indexOf('?');
    return "TransportRequest[" + method + " " + (query < 0 ? target : target.substring(0, query)) + "]";
  }
}
