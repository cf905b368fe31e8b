package dev.channels4j.internal.api;

import dev.channels4j.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The dispatcher's reading of a {@link RetryPolicy}: how many attempts a request gets and how long
 * to wait between them. Kept out of the public class, which only carries configuration.
 */
final class RetrySchedule {
  private RetrySchedule() {}

  /** How many attempts a request with this method gets: POSTs once unless the policy says so. */
  static int attemptsFor(RetryPolicy policy, String method) {
    return "GET".equals(method) || policy.retryPosts() ? policy.maxAttempts() : 1;
  }

  /**
   * The delay before attempt {@code attempt + 1} after attempt {@code attempt} (1-based) failed:
   * a random duration between zero and {@code min(maxBackoff, initialBackoff * 2^(attempt-1))}
   * (full jitter), or the server's Retry-After when it sent one; {@code null}, meaning no retry,
   * when that Retry-After is longer than maxBackoff. Retrying sooner than the server asked would
   * not honour it, and waiting longer than the policy allows would hold the caller beyond it.
   */
  static Duration delayAfter(RetryPolicy policy, int attempt, Duration retryAfter) {
    Duration maxBackoff = policy.maxBackoff();
    if (retryAfter != null) {
      return retryAfter.compareTo(maxBackoff) > 0 ? null : retryAfter;
    }
    long ceiling = policy.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
    ceiling = Math.min(Math.max(ceiling, 1), maxBackoff.toMillis());
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  /**
   * A {@code Retry-After} header's delay: seconds, or an HTTP date read against {@code clock} (the
   * client's, so tests decide what "now" is); a date in the past is no delay. {@code null} for a
   * value that is neither, or negative: then the policy's own backoff applies.
   */
  static Duration retryAfter(String value, Clock clock) {
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
