package dev.channels4j.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One signed request, ready to send: what a {@link Transport} receives.
 *
 * <pre>{@code
 * TransportRequest r = ...;
 * r.method();   // "POST"
 * r.uri();      // https://api-eu.pusher.com/apps/123/events?auth_key=...&auth_signature=...
 * r.body();     // the exact bytes whose MD5 was signed, or null for GET
 * }</pre>
 *
 * @param method upper-case HTTP method
 * @param uri absolute URI, query already percent-encoded and signed
 * @param headers headers to send (Content-Type and X-Pusher-Library among them)
 * @param body the body bytes, or {@code null} when there is no body
 * @param timeout how long the whole exchange may take
 */
public record TransportRequest(
    String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {

  public TransportRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public String toString() {
    // The query carries a signature; only the path is worth showing.
    return "TransportRequest[" + method + " " + uri.getRawPath() + "]";
  }
}
