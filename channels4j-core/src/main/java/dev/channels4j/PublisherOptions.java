package dev.channels4j;

import java.time.Duration;

/**
 * How a {@link Publisher} batches and bounds its work. Immutable; every setting has a default.
 *
 * <pre>{@code
 * Publisher publisher = client.publisher(PublisherOptions.builder()
 *     .linger(Duration.ofMillis(2))
 *     .maxInFlightRequests(32)
 *     .queueCapacity(50_000)
 *     .backpressure(PublisherOptions.Backpressure.FAIL_FAST)
 *     .build());
 * }</pre>
 */
public final class PublisherOptions {
  private static final PublisherOptions DEFAULTS = builder().build();

  /** What {@link Publisher#publish} does when the queue is full. */
  public enum Backpressure {
    /** Blocks the publishing thread until there is room (the default). */
    WAIT,
    /** Returns at once a future failed with {@link PublishRejectedException} ({@code QUEUE_FULL}). */
    FAIL_FAST
  }

  private final Duration linger;
  private final int maxBatchSize;
  private final int maxInFlightRequests;
  private final int queueCapacity;
  private final Backpressure backpressure;

  private PublisherOptions(Builder b) {
    this.linger = b.linger;
    this.maxBatchSize = b.maxBatchSize;
    this.maxInFlightRequests = b.maxInFlightRequests;
    this.queueCapacity = b.queueCapacity;
    this.backpressure = b.backpressure;
  }

  /** The defaults: 5 ms linger, the client's batch limit, 16 requests in flight, 10 000 queued, WAIT. */
  public static PublisherOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Duration linger() {
    return linger;
  }

  /** The most events per request; 0 means the client's {@code maxBatchSize}. */
  public int maxBatchSize() {
    return maxBatchSize;
  }

  public int maxInFlightRequests() {
    return maxInFlightRequests;
  }

  public int queueCapacity() {
    return queueCapacity;
  }

  public Backpressure backpressure() {
    return backpressure;
  }

  @Override
  public String toString() {
    return "PublisherOptions[linger=" + linger + ", maxBatchSize=" + (maxBatchSize == 0 ? "client's" : maxBatchSize)
        + ", maxInFlightRequests=" + maxInFlightRequests + ", queueCapacity=" + queueCapacity
        + ", backpressure=" + backpressure + "]";
  }

  /** Builds {@link PublisherOptions}; each setter checks its value at once. */
  public static final class Builder {
    private Duration linger = Duration.ofMillis(5);
    private int maxBatchSize;
    private int maxInFlightRequests = 16;
    private int queueCapacity = 10_000;
    private Backpressure backpressure = Backpressure.WAIT;

    private Builder() {}

    /**
     * How long an event may wait for others to fill its batch before it is sent anyway. Zero sends
     * as soon as a request slot is free. Default 5 ms; at most 10 s.
     */
    public Builder linger(Duration linger) {
      if (linger == null || linger.isNegative() || linger.compareTo(Duration.ofSeconds(10)) > 0) {
        throw new ValidationException("linger must be between 0 and 10 s, got " + linger);
      }
      this.linger = linger;
      return this;
    }

    /**
     * The most events per request, at most the client's {@code maxBatchSize} (which is the default).
     */
    public Builder maxBatchSize(int events) {
      if (events < 1) {
        throw new ValidationException("maxBatchSize must be at least 1, got " + events);
      }
      this.maxBatchSize = events;
      return this;
    }

    /** How many batch requests may be in flight at once. Default 16. */
    public Builder maxInFlightRequests(int requests) {
      if (requests < 1 || requests > 1024) {
        throw new ValidationException("maxInFlightRequests must be between 1 and 1024, got " + requests);
      }
      this.maxInFlightRequests = requests;
      return this;
    }

    /** How many accepted events may wait to be sent (those in flight not counted). Default 10 000. */
    public Builder queueCapacity(int events) {
      if (events < 1) {
        throw new ValidationException("queueCapacity must be at least 1, got " + events);
      }
      this.queueCapacity = events;
      return this;
    }

    /** What {@code publish} does when the queue is full. Default {@link Backpressure#WAIT}. */
    public Builder backpressure(Backpressure backpressure) {
      if (backpressure == null) {
        throw new ValidationException("backpressure must be WAIT or FAIL_FAST, got null");
      }
      this.backpressure = backpressure;
      return this;
    }

    public PublisherOptions build() {
      return new PublisherOptions(this);
    }
  }
}
