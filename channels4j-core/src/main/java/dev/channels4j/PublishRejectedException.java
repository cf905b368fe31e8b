package dev.channels4j;

/**
 * A {@link Publisher} did not accept an event: nothing was sent. {@link #reason()} says why.
 *
 * <pre>{@code
 * publisher.publish(event).exceptionally(error -> {
 *   if (error instanceof PublishRejectedException rejected
 *       && rejected.reason() == PublishRejectedException.Reason.QUEUE_FULL) {
 *     metrics.increment("dropped");
 *   }
 *   return null;
 * });
 * }</pre>
 */
public final class PublishRejectedException extends ChannelsException {
  private static final long serialVersionUID = 1L;

  /** Why an event was not accepted. */
  public enum Reason {
    /** The queue was full and the publisher fails fast ({@link PublisherOptions.Backpressure#FAIL_FAST}). */
    QUEUE_FULL,
    /**
     * The publisher was closed before the event could be accepted, or before it was sent: its
     * {@link Publisher#close(java.time.Duration) close} deadline passed, or its client was closed.
     */
    CLOSED,
    /** The publishing thread was interrupted while it waited for room in the queue. */
    INTERRUPTED
  }

  private final Reason reason;

  PublishRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the event was not accepted. */
  public Reason reason() {
    return reason;
  }
}
