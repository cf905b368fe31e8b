package dev.channels4j;

import java.time.Duration;

/**
 * When and how often a failed request is sent again: on a transport failure (timeout, refused,
 * reset), a 5xx or a 429, with exponential backoff and full jitter, honouring the server's
 * {@code Retry-After}: the next attempt waits as long as it asks, and when it asks for longer than
 * {@link Builder#maxBackoff(Duration) maxBackoff} there is no next attempt: the call fails with
 * the {@link ApiException}, whose {@link ApiException#retryAfter()} says when to try again.
 * 4xx errors other than 429 are never retried.
 *
 * <p><b>A retried trigger may be delivered twice.</b> When a request timed out or its connection
 * was reset, the server may already have published the event; sending it again publishes it again.
 * That is why POSTs (triggers, batches, terminations) are not retried unless you say so with
 * {@link Builder#retryPosts(boolean)}. Queries (GET) are safe to retry.
 *
 * <pre>{@code
 * ChannelsClient client = ChannelsClient.builder()
 *     ...
 *     .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(100))
 *         .retryPosts(true).build())
 *     .build();
 * }</pre>
 */
public final class RetryPolicy {
  private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();
  private static final RetryPolicy DEFAULT = new Builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final boolean retryPosts;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.retryPosts = b.retryPosts;
  }

  /** Never retries. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** The default: up to 3 attempts for queries (GET), none for POSTs, backoff from 100 ms to 2 s. */
  public static RetryPolicy defaults() {
    return DEFAULT;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The most attempts one request gets, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The backoff ceiling after the first failure; it doubles per attempt. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * The longest wait between attempts. A {@code Retry-After} longer than this ends the retries
   * instead (see the class comment).
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** Whether POSTs (triggers, batches, terminations) are retried too; see the class comment. */
  public boolean retryPosts() {
    return retryPosts;
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", retryPosts=" + retryPosts + "]";
  }

  /** Builds a {@link RetryPolicy}; every setting has a default. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(2);
    private boolean retryPosts;

    private Builder() {}

    /** The most attempts per request, the first included: 1 (no retry) to 10. Default 3. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new ValidationException("retry maxAttempts must be between 1 and 10, got " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The backoff ceiling after the first failure; doubles per attempt. Default 100 ms. */
    public Builder initialBackoff(Duration initialBackoff) {
      if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
        throw new ValidationException("retry initialBackoff must be positive, got " + initialBackoff);
      }
      this.initialBackoff = initialBackoff;
      return this;
    }

    /**
     * The longest wait between attempts. Default 2 s. A server's {@code Retry-After} up to this
     * long is waited out; a longer one ends the retries, the call failing with the
     * {@link ApiException} that carries it.
     */
    public Builder maxBackoff(Duration maxBackoff) {
      if (maxBackoff == null || maxBackoff.isNegative() || maxBackoff.isZero()) {
        throw new ValidationException("retry maxBackoff must be positive, got " + maxBackoff);
      }
      this.maxBackoff = maxBackoff;
      return this;
    }

    /** Also retry POSTs. A retried trigger may be delivered twice. Default false. */
    public Builder retryPosts(boolean retryPosts) {
      this.retryPosts = retryPosts;
      return this;
    }

    /** Checks that the backoffs are consistent and builds the policy. */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new ValidationException(
            "retry maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
      }
      return new RetryPolicy(this);
    }
  }
}
