package dev.channels4j.internal.api;

import dev.channels4j.RequestEvent.Operation;
import java.util.Map;

/**
 * One Channels API call before signing.
 *
 * @param operation the client operation it belongs to, as request listeners hear it
 * @param method upper-case HTTP method
 * @param path the path under the host, raw, e.g. {@code /apps/3/events}
 * @param query the operation's own query parameters (not the auth ones)
 * @param body the exact body bytes, or {@code null} for a GET
 * @param answerRequired whether the caller reads the answer's body (a query, or events with
 *     {@code info}): then a 2xx whose body is not JSON is an error, not a success
 */
public record ApiRequest(
    Operation operation, String method, String path, Map<String, String> query, byte[] body, boolean answerRequired) {

  /** The same request, its answer's body read: a 2xx that is not JSON fails it. */
  public ApiRequest requiringAnswer() {
    return answerRequired ? this : new ApiRequest(operation, method, path, query, body, true);
  }

  /** A GET, whose answer is always read. */
  public static ApiRequest get(Operation operation, String path, Map<String, String> query) {
    return new ApiRequest(operation, "GET", path, query, null, true);
  }

  /** A POST whose answer's body is not read. */
  public static ApiRequest post(Operation operation, String path, byte[] body) {
    return new ApiRequest(operation, "POST", path, Map.of(), body, false);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
