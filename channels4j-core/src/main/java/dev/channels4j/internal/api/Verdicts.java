package dev.channels4j.internal.api;

import dev.channels4j.internal.Errors;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spi.TransportResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Judges an answer: a success, or an {@link dev.channels4j.ApiException} saying why not. A pure
 * function of the request, the answer, the codec and the clock (which reads a dated Retry-After).
 */
final class Verdicts {
  private Verdicts() {}

  static Outcome judge(ApiRequest request, TransportResponse response, JsonCodec codec, Clock clock) {
    String body = response.bodyText();
    Object json = parseOrNull(body, codec);
    int status = response.status();
    if (status >= 200 && status < 300) {
      // soketi answers some errors with a 2xx and {"error":..,"code":..}.
      if (json instanceof Map<?, ?> map && map.containsKey("error") && map.containsKey("code")) {
        int code = map.get("code") instanceof Number n ? n.intValue() : status;
        String message = String.valueOf(map.get("error"));
        return Outcome.failed(Errors.api(
            request + " failed: " + code + " " + message + " (error body with HTTP " + status + ")",
            code, body, null), status);
      }
      return Outcome.ok(new Dispatcher.ApiResponse(status, body, json));
    }
    Duration retryAfter = response.header("Retry-After").map(value -> RetrySchedule.retryAfter(value, clock)).orElse(null);
    String message = request + " failed with HTTP " + status + (body.isBlank() ? "" : ": " + shorten(body.strip()));
    return Outcome.failed(Errors.api(message, status, body, retryAfter), status);
  }

  /** The body as JSON, or null when it is empty or not JSON (an HTML error page of a proxy). */
  static Object parseOrNull(String body, JsonCodec codec) {
    if (body.isEmpty()) {
      return null;
    }
    if (body.equals("{}")) {
      return new LinkedHashMap<String, Object>(); // Pusher's usual answer; what a codec parses it to
    }
    char first = body.charAt(0);
    if (first != '{' && first != '[') {
      return null;
    }
    try {
      return codec.parse(body);
    } catch (IllegalArgumentException notJson) {
      return null;
    }
  }

  private static String shorten(String s) {
    return s.length() <= 500 ? s : s.substring(0, 497) + "...";
  }
}
