package dev.channels4j.testsupport.network;

import java.util.concurrent.atomic.AtomicLong;

/** What the proxy's thread counts, read by other threads as {@link ProxyStats}. */
final class ProxyCounters {
  final AtomicLong opened = new AtomicLong();
  final AtomicLong open = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong closedIdle = new AtomicLong();
  final AtomicLong closedAfterRequests = new AtomicLong();
  final AtomicLong closedAfterBytes = new AtomicLong();
  final AtomicLong resets = new AtomicLong();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong toServer = new AtomicLong();
  final AtomicLong toClient = new AtomicLong();
  private final AtomicLong minDelay = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong maxDelay = new AtomicLong();

  /** Records how long a chunk waited before its first byte was written; only the proxy's thread calls it. */
  void delayed(long waitedNanos) {
    if (waitedNanos < minDelay.get()) {
      minDelay.set(waitedNanos);
    }
    if (waitedNanos > maxDelay.get()) {
      maxDelay.set(waitedNanos);
    }
  }

  ProxyStats snapshot() {
    return new ProxyStats(opened.get(), open.get(), refused.get(), closedIdle.get(), closedAfterRequests.get(),
        closedAfterBytes.get(), resets.get(), requests.get(), toServer.get(), toClient.get(), minDelay.get(),
        maxDelay.get());
  }
}
