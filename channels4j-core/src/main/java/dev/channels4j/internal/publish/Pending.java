package dev.channels4j.internal.publish;

import dev.channels4j.ChannelCounts;
import dev.channels4j.ChannelsException;
import dev.channels4j.internal.api.PreparedEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** One accepted event and its future, settled once: by its request's outcome or by an abort. */
final class Pending {
  private final PreparedEvent event;
  private final CompletableFuture<ChannelCounts> future = new CompletableFuture<>();
  private final AtomicBoolean settled = new AtomicBoolean();

  Pending(PreparedEvent event) {
    this.event = event;
  }

  PreparedEvent event() {
    return event;
  }

  CompletableFuture<ChannelCounts> future() {
    return future;
  }

  /**
   * Completes the future, unless an abort failed it meanwhile. Counted before the future completes,
   * so a callback that reads {@code stats()} sees its own event.
   */
  void succeed(ChannelCounts counts, LongAdder sent) {
    if (settled.compareAndSet(false, true)) {
      sent.increment();
      future.complete(counts);
    }
  }

  /** Fails the future, unless it was settled already. */
  void fail(ChannelsException error, LongAdder failed) {
    if (settled.compareAndSet(false, true)) {
      failed.increment();
      future.completeExceptionally(error);
    }
  }
}
