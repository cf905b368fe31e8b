package dev.channels4j.benchmarks.fanout;

import java.net.URI;
import java.util.function.IntFunction;

/**
 * What the fan-out benchmark needs of its subscribers: {@link Subscribers} (the JDK's WebSocket
 * client) or {@link FrameSubscribers} (a frame reader of its own, cheap enough per delivery that
 * the generator does not set the pace).
 */
interface SubscriberSide extends AutoCloseable {
  /** Opens connections subscribed to {@code channel(i)}; returns when every subscription succeeded. */
  void open(URI uri, int count, IntFunction<String> channel) throws Exception;

  /** Opens idle connections (connected, not subscribed) until {@code max} or the first failure; returns how many. */
  int openIdle(URI uri, int max);

  /** Starts recording latencies afresh, room for {@code expected} of them. */
  void record(int expected);

  long received();

  long lastReceiveNanos();

  int closedByServer();

  long[] latenciesNanos();

  int open();

  @Override
  void close();
}
