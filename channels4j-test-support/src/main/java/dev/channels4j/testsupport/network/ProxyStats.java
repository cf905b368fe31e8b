package dev.channels4j.testsupport.network;

/**
 * What a {@link NetworkProxy} has done since it started; subtract two snapshots for an interval.
 *
 * <pre>{@code
 * ProxyStats before = proxy.stats();
 * runTheClient();
 * long opened = proxy.stats().connectionsOpened() - before.connectionsOpened();
 * }</pre>
 *
 * @param connectionsOpened connections accepted and forwarded to the target
 * @param connectionsOpen connections open now
 * @param connectionsRefused connections closed at once because {@code maxConnections} were open
 * @param closedIdle connections closed by the idle timeout
 * @param closedAfterRequests connections closed when a request past the limit started
 * @param closedAfterBytes connections closed when the client sent more than the byte limit
 * @param reset connections reset by {@link NetworkProxy#resetAll()}
 * @param requests requests seen (a client sending after the server answered, or first)
 * @param bytesToServer bytes written to the target
 * @param bytesToClient bytes written to clients
 * @param minDelayNanos the least time any chunk spent in the proxy before it was written, in either
 *     direction ({@code Long.MAX_VALUE} until a chunk was written): never below half the RTT
 * @param maxDelayNanos the most time a chunk spent in the proxy before it was written
 */
public record ProxyStats(
    long connectionsOpened, long connectionsOpen, long connectionsRefused,
    long closedIdle, long closedAfterRequests, long closedAfterBytes, long reset,
    long requests, long bytesToServer, long bytesToClient, long minDelayNanos, long maxDelayNanos) {}
