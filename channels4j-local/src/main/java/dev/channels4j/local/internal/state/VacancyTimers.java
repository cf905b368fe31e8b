package dev.channels4j.local.internal.state;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Webhooks held back by the vacancy delay, as Pusher does for channel_vacated and member_removed:
 * sent later unless the key ("channel" for vacated, "channel\0user" for member_removed) is taken
 * back in between. Each pending key remembers the number of the vacancy that holds it, so a timer
 * set for an earlier vacancy of the same key cannot send the webhook of a later one early. Called
 * under the app's lock; the timers take the same lock before sending.
 */
final class VacancyTimers {
  private final Object lock;
  private final Duration delay;
  private final ScheduledExecutorService scheduler;
  private final Map<String, Long> pending = new HashMap<>();
  private long vacancies;

  VacancyTimers(Object lock, Duration delay, ScheduledExecutorService scheduler) {
    this.lock = lock;
    this.delay = delay;
    this.scheduler = scheduler;
  }

  /** Sends now, or, with a delay and webhooks to send, later unless {@link #takeBack} comes first. */
  void delay(String key, boolean hasWebhooks, Runnable send) {
    long delayMillis = delay.toMillis();
    if (delayMillis <= 0 || !hasWebhooks) {
      send.run();
      return;
    }
    long vacancy = ++vacancies;
    pending.put(key, vacancy);
    try {
      scheduler.schedule(() -> {
        synchronized (lock) {
          if (pending.remove(key, vacancy)) {
            send.run();
          }
        }
      }, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      pending.remove(key, vacancy);
    }
  }

  /** True when a held-back webhook of the key is cancelled: the channel or member came back in time. */
  boolean takeBack(String key) {
    return pending.remove(key) != null;
  }
}
