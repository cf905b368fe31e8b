package dev.channels4j.local.internal.state;

import dev.channels4j.local.Limits;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Server-wide counts of what a bound refused or dropped, and the delivery backlog the HTTP API
 * looks at before publishing. Thread-safe; shared by every app of one server.
 */
public final class Counters {
  /** Messages queued for connections and not yet handed to the socket, all connections together. */
  public final AtomicLong queuedDeliveries = new AtomicLong();
  /** Their bytes, each connection's copy counted (the payload of a channel message is shared). */
  public final AtomicLong queuedDeliveryBytes = new AtomicLong();
  /**
   * The part of the backlog queued for stalled connections (messages waiting, none taken for the
   * stall grace): publishers never wait for it, and it has its own bound (see SessionConnection).
   */
  public final AtomicLong stalledDeliveries = new AtomicLong();
  public final AtomicLong stalledDeliveryBytes = new AtomicLong();
  /** Closes waiting for their connection's queued messages to be written first (see LocalServer#close). */
  public final AtomicLong pendingCloses = new AtomicLong();
  public final LongAdder closedOverCapacity = new LongAdder();
  public final LongAdder publishesDelayed = new LongAdder();
  public final LongAdder publishesRefused = new LongAdder();
  public final LongAdder cacheEvictions = new LongAdder();
  public final LongAdder acceptedEventsDropped = new LongAdder();
  public final LongAdder webhooksDropped = new LongAdder();
  public final LongAdder connectionsOpened = new LongAdder();
  public final LongAdder connectionsClosed = new LongAdder();

  /** Messages queued for connections that are reading: what a publish waits for. */
  public long activeDeliveries() {
    return queuedDeliveries.get() - stalledDeliveries.get();
  }

  public long activeDeliveryBytes() {
    return queuedDeliveryBytes.get() - stalledDeliveryBytes.get();
  }

  /** True when the backlog of connections that are reading is over the server-wide limits. */
  public boolean backlogOver(Limits limits) {
    return activeDeliveries() > limits.maxQueuedDeliveries() || activeDeliveryBytes() > limits.maxQueuedDeliveryBytes();
  }
}
