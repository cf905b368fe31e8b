package dev.channels4j.internal.api;

import dev.channels4j.RetryPolicy;
import java.time.Duration;
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
}
