package dev.channels4j.local;

/**
 * What a {@link LocalServer}'s bounds have done so far, for tests and load runs: every count only
 * grows, except {@code openConnections} and {@code queuedDeliveries}.
 *
 * <pre>{@code
 * ServerStats stats = server.stats();
 * assertThat(stats.closedOverCapacity()).isZero();   // no subscriber was too slow
 * }</pre>
 *
 * @param openConnections WebSocket connections open now, all apps together
 * @param queuedDeliveries messages waiting to be written to connections now
 * @param closedOverCapacity connections closed with 4100 because they did not read fast enough
 *     ({@link Limits#maxPendingBytesPerConnection()}, {@link Limits#maxPendingMessagesPerConnection()})
 * @param publishesDelayed HTTP publishes that waited for the delivery backlog ({@link Limits#maxQueuedDeliveries()})
 * @param publishesRefused HTTP publishes refused with 429 after waiting
 * @param cacheEvictions cache-channel entries evicted before they expired ({@link Limits#maxCachedChannels()},
 *     {@link Limits#maxCacheBytes()})
 * @param acceptedEventsDropped accepted events dropped from {@link LocalServer#acceptedEvents()}, oldest first
 * @param webhooksDropped queued webhooks dropped, oldest first, because their URL's queue was full
 */
public record ServerStats(
    int openConnections,
    long queuedDeliveries,
    long closedOverCapacity,
    long publishesDelayed,
    long publishesRefused,
    long cacheEvictions,
    long acceptedEventsDropped,
    long webhooksDropped) {}
