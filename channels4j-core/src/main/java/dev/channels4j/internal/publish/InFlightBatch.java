package dev.channels4j.internal.publish;

import dev.channels4j.ChannelCounts;
import dev.channels4j.ChannelsException;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.LongAdder;

/** One batch request in flight: its events (and lanes), when it was sent and how many were in flight then. */
final class InFlightBatch {
  private static final ChannelCounts NO_COUNTS = new ChannelCounts(OptionalInt.empty(), OptionalInt.empty());

  final Lanes.Batch<Pending> taken;
  long sentAt;
  int inFlightWhenSent;
  /** Sent with more requests in flight than ever before: most likely on a new connection. */
  boolean newConnection;

  InFlightBatch(Lanes.Batch<Pending> taken) {
    this.taken = taken;
  }

  List<Pending> events() {
    return taken.events();
  }

  /** The request succeeded: each event gets its counts (empty ones when none were asked for). */
  void succeed(List<ChannelCounts> counts, LongAdder sent) {
    List<Pending> events = events();
    for (int i = 0; i < events.size(); i++) {
      events.get(i).succeed(i < counts.size() ? counts.get(i) : NO_COUNTS, sent);
    }
  }

  /** The request failed: exactly its events fail, with its error. */
  void fail(ChannelsException failure, LongAdder failed) {
    for (Pending pending : events()) {
      pending.fail(failure, failed);
    }
  }
}
