package dev.channels4j.benchmarks.load;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latency per event (nanoseconds, indexed by event) and the error count of one phase. */
final class Recorder {
  private final long[] latencies;
  private final AtomicInteger errors = new AtomicInteger();
  private volatile Throwable firstError;

  Recorder(int events) {
    this.latencies = new long[events];
  }

  void done(int event, long startedNanos, boolean ok, Throwable error) {
    latencies[event] = System.nanoTime() - startedNanos;
    if (!ok) {
      errors.incrementAndGet();
      if (firstError == null) {
        firstError = error;
      }
    }
  }

  int errors() {
    return errors.get();
  }

  Throwable firstError() {
    return firstError;
  }

  /** The latency at quantile q (0..1) in milliseconds. */
  double percentileMillis(double q) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
    return sorted[index] / 1e6;
  }
}
