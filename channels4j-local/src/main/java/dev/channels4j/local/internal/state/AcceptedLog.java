package dev.channels4j.local.internal.state;

import dev.channels4j.local.AcceptedEvent;
import dev.channels4j.local.Limits;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The events one app accepted, for {@code LocalServer.acceptedEvents()}, bounded by count and
 * bytes: the oldest is dropped first (counted). Not thread-safe: {@link AppState} calls it under
 * its lock.
 */
final class AcceptedLog {
  private final Limits limits;
  private final Counters counters;
  private final Deque<AcceptedEvent> events = new ArrayDeque<>();
  private long bytes;

  AcceptedLog(Limits limits, Counters counters) {
    this.limits = limits;
    this.counters = counters;
  }

  void record(AcceptedEvent event) {
    long size = sizeOf(event);
    while (!events.isEmpty()
        && (events.size() >= limits.maxAcceptedEvents() || bytes + size > limits.maxAcceptedEventBytes())) {
      bytes -= sizeOf(events.removeFirst());
      counters.acceptedEventsDropped.increment();
    }
    events.addLast(event);
    bytes += size;
  }

  List<AcceptedEvent> list() {
    return List.copyOf(events);
  }

  void clear() {
    events.clear();
    bytes = 0;
  }

  private static long sizeOf(AcceptedEvent event) {
    return 2L * (event.data().length() + event.event().length() + event.channel().length())
        + AppState.ENTRY_OVERHEAD_BYTES;
  }
}
