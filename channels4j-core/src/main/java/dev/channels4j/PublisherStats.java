package dev.channels4j;

/**
 * A snapshot of a {@link Publisher}'s counters, for metrics ({@link Publisher#stats()}). Each value
 * is read atomically, the four together are not one instant: a request that completes while they
 * are read may show in {@code inFlightRequests} and already in {@code eventsSent}.
 *
 * <pre>{@code
 * PublisherStats stats = publisher.stats();
 * gauge("channels.publisher.queued", stats.queuedEvents());
 * counter("channels.publisher.failed", stats.eventsFailed());
 * }</pre>
 *
 * @param queuedEvents events accepted and not yet handed to a request
 * @param inFlightRequests batch requests sent and not yet answered
 * @param eventsSent events whose request succeeded, since the publisher was made
 * @param eventsFailed events whose future failed, since the publisher was made: refused by
 *     {@link Publisher#publish} (invalid, queue full, closed, interrupted) or failed by their request
 */
public record PublisherStats(int queuedEvents, int inFlightRequests, long eventsSent, long eventsFailed) {}
