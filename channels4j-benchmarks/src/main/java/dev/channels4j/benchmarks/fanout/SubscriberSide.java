package dev.channels4j.benchmarks.fanout;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;

/**
 * What the fan-out benchmark needs of its subscribers: {@link Subscribers} (the JDK's WebSocket
 * client) or {@link FrameSubscribers} (a frame reader of its own, cheap enough per delivery that
 * the generator does not set the pace). What both record of the deliveries lives here.
 */
abstract class SubscriberSide implements AutoCloseable {
  private final AtomicLong received = new AtomicLong();
  private final AtomicInteger closedByServer = new AtomicInteger();
  private volatile AtomicLongArray latencies = new AtomicLongArray(1);
  private final AtomicInteger latencyCount = new AtomicInteger();
  private volatile long lastReceiveNanos;

  /** Opens connections subscribed to {@code channel(i)}; returns when every subscription succeeded. */
  abstract void open(URI uri, int count, IntFunction<String> channel) throws Exception;

  /** Opens idle connections (connected, not subscribed) until {@code max} or the first failure; returns how many. */
  abstract int openIdle(URI uri, int max);

  /** Starts recording latencies afresh, room for {@code expected} of them. */
  void record(int expected) {
    latencies = new AtomicLongArray(expected);
    latencyCount.set(0);
    received.set(0);
  }

  /** One event delivered at {@code now}, sent at {@code sentNanos} (both {@code System.nanoTime()}). */
  final void delivered(long sentNanos, long now) {
    int slot = latencyCount.getAndIncrement();
    AtomicLongArray array = latencies;
    if (slot < array.length()) {
      array.set(slot, now - sentNanos);
    }
    received.incrementAndGet();
    lastReceiveNanos = now;
  }

  /** A connection the server closed. */
  final void countServerClose() {
    closedByServer.incrementAndGet();
  }

  final long received() {
    return received.get();
  }

  final long lastReceiveNanos() {
    return lastReceiveNanos;
  }

  final int closedByServer() {
    return closedByServer.get();
  }

  final long[] latenciesNanos() {
    int n = Math.min(latencyCount.get(), latencies.length());
    long[] copy = new long[n];
    for (int i = 0; i < n; i++) {
      copy[i] = latencies.get(i);
    }
    return copy;
  }

  abstract int open();

  @Override
  public abstract void close();
}
