package dev.channels4j;

import java.time.Duration;

/**
 * How a {@link Publisher} batches and bounds its work. Immutable; every setting has a default.
 *
 * <p>The number of batch requests in flight adapts between {@link Builder#minInFlightRequests}
 * (16) and {@link Builder#maxInFlightRequests} (256): it grows while answers come back as fast as
 * they did unloaded, and shrinks when they slow down or fail with 429, 5xx or a transport error
 * ({@link PublisherStats#inFlightLimit()} shows where it stands). Over HTTP/1.1 each request in
 * flight needs its own connection, so the ceiling only helps up to the client's
 * {@link ChannelsClient.Builder#maxConnections maxConnections} (256 by default, the same number).
 *
 * <pre>{@code
 * Publisher publisher = client.publisher(PublisherOptions.builder()
 *     .linger(Duration.ofMillis(2))
 *     .maxInFlightRequests(64)
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

  /**
   * Whether a channel's events keep their publishing order (see {@link Builder#ordering}).
   */
  public enum Ordering {
    /**
     * A channel has at most one request in flight, so its events arrive in the order they were
     * published (the default). A channel then gets at most one batch per round trip: about 120
     * events/s for a channel 80 ms away.
     */
    PER_CHANNEL,
    /**
     * Several requests of one channel may be in flight at once, so a later event can arrive before
     * an earlier one; a hot channel gets as many batches per round trip as the window allows.
     */
    NONE
  }

  private final Duration linger;
  private final int maxBatchSize;
  private final int minInFlightRequests;
  private final int maxInFlightRequests;
  private final int queueCapacity;
  private final Backpressure backpressure;
  private final Ordering ordering;

  private PublisherOptions(Builder b) {
    this.linger = b.linger;
    this.maxBatchSize = b.maxBatchSize;
    this.minInFlightRequests = Math.min(b.minInFlightRequests, b.maxInFlightRequests);
    this.maxInFlightRequests = b.maxInFlightRequests;
    this.queueCapacity = b.queueCapacity;
    this.backpressure = b.backpressure;
    this.ordering = b.ordering;
  }

  /**
   * The defaults: 5 ms linger, the client's batch limit, 16 to 256 requests in flight, 10 000
   * queued, WAIT, per-channel order.
   */
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

  /** The fewest requests the in-flight window shrinks to (and starts at). */
  public int minInFlightRequests() {
    return minInFlightRequests;
  }

  /** The most requests the in-flight window grows to. */
  public int maxInFlightRequests() {
    return maxInFlightRequests;
  }

  public int queueCapacity() {
    return queueCapacity;
  }

  public Backpressure backpressure() {
    return backpressure;
  }

  public Ordering ordering() {
    return ordering;
  }

  @Override
  public String toString() {
    return "PublisherOptions[linger=" + linger + ", maxBatchSize=" + (maxBatchSize == 0 ? "client's" : maxBatchSize)
        + ", inFlightRequests=" + minInFlightRequests + ".." + maxInFlightRequests + ", queueCapacity=" + queueCapacity
        + ", backpressure=" + backpressure + ", ordering=" + ordering + "]";
  }

  /** Builds {@link PublisherOptions}; each setter checks its value at once. */
  public static final class Builder {
    private Duration linger = Duration.ofMillis(5);
    private int maxBatchSize;
    private int minInFlightRequests = 16;
    private int maxInFlightRequests = 256;
    private int queueCapacity = 10_000;
    private Backpressure backpressure = Backpressure.WAIT;
    private Ordering ordering = Ordering.PER_CHANNEL;
    private boolean minInFlightSet;

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

    /**
     * The fewest batch requests the in-flight window keeps: where it starts, and how far slow or
     * failing answers shrink it. Default 16. Set it equal to {@link #maxInFlightRequests} for a
     * fixed window. Left at its default, it follows a ceiling set below 16 (a fixed window of the
     * ceiling); set explicitly above the ceiling, {@link #build()} refuses it.
     */
    public Builder minInFlightRequests(int requests) {
      if (requests < 1 || requests > 1024) {
        throw new ValidationException("minInFlightRequests must be between 1 and 1024, got " + requests);
      }
      this.minInFlightRequests = requests;
      this.minInFlightSet = true;
      return this;
    }

    /**
     * The most batch requests the in-flight window grows to. Default 256, the client's default
     * {@code maxConnections}: a ceiling above the client's pool only makes requests wait for a
     * connection (the window then sees the wait as latency and shrinks).
     */
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

    /**
     * Whether each channel's events keep their order. Default {@link Ordering#PER_CHANNEL}: a
     * channel has one request in flight at a time, which caps a single channel at one batch per
     * round trip. {@link Ordering#NONE} lets a hot channel have several batches in flight, and its
     * events may then arrive out of order.
     */
    public Builder ordering(Ordering ordering) {
      if (ordering == null) {
        throw new ValidationException("ordering must be PER_CHANNEL or NONE, got null");
      }
      this.ordering = ordering;
      return this;
    }

    /**
     * The options; fails with a {@link ValidationException} when {@code minInFlightRequests} was set
     * above {@code maxInFlightRequests}.
     */
    public PublisherOptions build() {
      if (minInFlightSet && minInFlightRequests > maxInFlightRequests) {
        throw new ValidationException("minInFlightRequests " + minInFlightRequests + " is above maxInFlightRequests "
            + maxInFlightRequests + "; set them equal for a fixed window");
      }
      return new PublisherOptions(this);
    }
  }
}
