package dev.channels4j;

import java.time.Duration;
import java.util.Optional;

/**
 * The Channels API answered, and the answer was an error: a non-2xx status, or a 2xx whose body is
 * an error object {@code {"error":..,"code":..}} (as soketi sends them).
 *
 * <pre>{@code
 * try {
 *   client.channel("public-room", Info.USER_COUNT);
 * } catch (ApiException e) {
 *   e.status();        // 400
 *   e.body();          // Cannot retrieve the user count unless the channel is a presence channel
 *   e.isRetryable();   // false
 * }
 * }</pre>
 */
public final class ApiException extends ChannelsException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String body;
  private final transient Duration retryAfter;

  ApiException(String message, int status, String body, Duration retryAfter) {
    super(message);
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
  }

  /**
   * An exception as the client would throw it for this answer, for a unit test of code that
   * handles failures (a stub or mock of your own seam throws it).
   *
   * <pre>{@code
   * ApiException busy = ApiException.of(503, "Service Unavailable", null);
   * ApiException slowDown = ApiException.of(429, "Too Many Requests", Duration.ofSeconds(1));
   * }</pre>
   *
   * @param status the HTTP status (or a soketi error body's code), 100 to 599
   * @param body the response body as the server would send it; null reads as empty
   * @param retryAfter the server's {@code Retry-After}; null when it sent none
   * @throws IllegalArgumentException when the status is outside 100..599 or retryAfter is negative
   */
  public static ApiException of(int status, String body, Duration retryAfter) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP status between 100 and 599, got " + status);
    }
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must be zero or positive, got " + retryAfter);
    }
    String text = body == null ? "" : body;
    return new ApiException("The Channels API answered " + status + ": " + text, status, text, retryAfter);
  }

  /**
   * The error's status: the HTTP status, or for a 2xx error body its {@code code} (so a soketi
   * 401 reads as 401 even though it came with HTTP 200).
   */
  public int status() {
    return status;
  }

  /** The response body as text, as the server sent it. */
  public String body() {
    return body;
  }

  /** Whether sending the same request again could succeed: 5xx and 429 yes, other 4xx no. */
  public boolean isRetryable() {
    return status >= 500 || status == 429;
  }

  /** The server's {@code Retry-After}, when it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
