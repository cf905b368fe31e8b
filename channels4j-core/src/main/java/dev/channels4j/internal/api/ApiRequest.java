package dev.channels4j.internal.api;

import java.util.Map;

/**
 * One Channels API call before signing.
 *
 * @param method upper-case HTTP method
 * @param path the path under the host, raw, e.g. {@code /apps/3/events}
 * @param query the operation's own query parameters (not the auth ones)
 * @param body the exact body bytes, or {@code null} for a GET
 * @param answerRequired whether the caller reads the answer's body (a query, or events with
 *     {@code info}): then a 2xx whose body is not JSON is an error, not a success
 */
public record ApiRequest(String method, String path, Map<String, String> query, byte[] body, boolean answerRequired) {

  /** A request whose answer's body is not read. */
  public ApiRequest(String method, String path, Map<String, String> query, byte[] body) {
    this(method, path, query, body, false);
  }

  /** The same request, its answer's body read: a 2xx that is not JSON fails it. */
  public ApiRequest requiringAnswer() {
    return answerRequired ? this : new ApiRequest(method, path, query, body, true);
  }

  public static ApiRequest get(String path, Map<String, String> query) {
    return new ApiRequest("GET", path, query, null, true);
  }

  public static ApiRequest post(String path, byte[] body) {
    return new ApiRequest("POST", path, Map.of(), body);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
