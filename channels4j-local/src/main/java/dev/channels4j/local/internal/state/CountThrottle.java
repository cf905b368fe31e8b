package dev.channels4j.local.internal.state;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * When a non-presence channel's subscription count is sent: at each change up to {@value
 * #THROTTLE_ABOVE} subscribers, and above that at most once every {@value #THROTTLE_SECONDS} s with
 * the latest count, as Pusher does. Without the throttle, N clients joining one channel would queue
 * N² messages. Called under the app's lock; the timers take the same lock before sending.
 */
final class CountThrottle {
  static final int THROTTLE_ABOVE = 100;
  static final int THROTTLE_SECONDS = 5;

  /** Sends a channel's count now; the caller holds the lock. */
  interface Sender {
    void send(ChannelState state);
  }

  private final Object lock;
  private final ScheduledExecutorService scheduler;
  private final LongSupplier ticker;
  /** Whether the channel is still the one a scheduled count was for (not vacated and occupied again). */
  private final Predicate<ChannelState> current;
  private final Sender sender;

  CountThrottle(Object lock, ScheduledExecutorService scheduler, LongSupplier ticker, Predicate<ChannelState> current,
      Sender sender) {
    this.lock = lock;
    this.scheduler = scheduler;
    this.ticker = ticker;
    this.current = current;
    this.sender = sender;
  }

  void changed(ChannelState state) {
    if (state.countScheduled) {
      return;
    }
    long now = ticker.getAsLong();
    long wait = state.countSentNanos == Long.MIN_VALUE ? 0
        : state.countSentNanos + TimeUnit.SECONDS.toNanos(THROTTLE_SECONDS) - now;
    if (state.subscribers.size() <= THROTTLE_ABOVE || wait <= 0) {
      send(state, now);
      return;
    }
    state.countScheduled = true;
    try {
      scheduler.schedule(() -> {
        synchronized (lock) {
          state.countScheduled = false;
          if (current.test(state)) {
            send(state, ticker.getAsLong());
          }
        }
      }, wait, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopped) {
      state.countScheduled = false;
    }
  }

  private void send(ChannelState state, long now) {
    state.countSentNanos = now;
    sender.send(state);
  }
}
