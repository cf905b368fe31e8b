package dev.channels4j;

/**
 * A snapshot of a {@link Publisher}'s counters, for metrics ({@link Publisher#stats()}). Each value
 * is read atomically, the five together are not one instant: a request that completes while they
 * are read may show in {@code inFlightRequests} and already in {@code eventsSent}.
 *
 * <pre>{@code
 * PublisherStats stats = publisher.stats();
 * gauge("channels.publisher.queued", stats.queuedEvents());
 * gauge("channels.publisher.window", stats.inFlightLimit());
 * counter("channels.publisher.failed", stats.eventsFailed());
 * }</pre>
 *
 * @param queuedEvents events accepted and not yet handed to a request
 * @param inFlightRequests batch requests sent and not yet answered
 * @param inFlightLimit the current window: how many requests may be in flight now, between
 *     {@link PublisherOptions#minInFlightRequests()} and {@link PublisherOptions#maxInFlightRequests()}
 * @param eventsSent events whose request succeeded, since the publisher was made
 * @param eventsFailed events whose future failed, since the publisher was made: refused by
 *     {@link Publisher#publish} (invalid, queue full, closed, interrupted) or failed by their request
 */
public record PublisherStats(int queuedEvents, int inFlightRequests, int inFlightLimit, long eventsSent,
    long eventsFailed) {}
