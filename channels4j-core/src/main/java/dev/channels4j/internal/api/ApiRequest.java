package dev.channels4j.internal.api;

import java.util.Map;

/**
 * One Channels API call before signing.
 *
 * @param method upper-case HTTP method
 * @param path the path under the host, raw, e.g. {@code /apps/3/events}
 * @param query the operation's own query parameters (not the auth ones)
 * @param body the exact body bytes, or {@code null} for a GET
 */
public record ApiRequest(String method, String path, Map<String, String> query, byte[] body) {

  public static ApiRequest get(String path, Map<String, String> query) {
    return new ApiRequest("GET", path, query, null);
  }

  public static ApiRequest post(String path, byte[] body) {
    return new ApiRequest("POST", path, Map.of(), body);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
