package dev.channels4j.internal.transport;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Aborts exchanges that outlive their request's timeout, and every exchange when the transport
 * closes. HttpClient bounds each read, not a whole exchange, so a trickling server could hold a
 * request for ever. One sweep every {@link #PERIOD_MILLIS} over the exchanges in flight costs
 * less than a timer task scheduled and cancelled per request (the timer's queue lock was a fifth
 * of the async completion path).
 */
final class Watchdog implements AutoCloseable {
  static final long PERIOD_MILLIS = 20;

  private final Set<Watched> inFlight = ConcurrentHashMap.newKeySet();
  private final ScheduledThreadPoolExecutor sweeper;

  Watchdog() {
    this.sweeper = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "channels4j-request-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    this.sweeper.scheduleWithFixedDelay(this::abortExpired, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Watches one exchange; {@code abort} receives why it must end. Call {@link Watched#done} when it ends. */
  Watched watch(Duration timeout, Consumer<Exception> abort) {
    Watched watched = new Watched(System.nanoTime() + timeout.toNanos(), timeout.toMillis(), abort);
    inFlight.add(watched);
    return watched;
  }

  private void abortExpired() {
    long now = System.nanoTime();
    for (Watched watched : inFlight) {
      if (now - watched.deadline > 0) {
        watched.abort(new TimeoutException("no complete response within " + watched.timeoutMillis + " ms"));
      }
    }
  }

  /** Aborts every exchange in flight with {@code reason}, then stops sweeping. */
  void abortAll(Exception reason) {
    inFlight.forEach(watched -> watched.abort(reason));
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }

  /** One exchange in flight. */
  final class Watched {
    private final long deadline;
    private final long timeoutMillis;
    private final Consumer<Exception> abort;
    private volatile Exception abortedWith;

    private Watched(long deadline, long timeoutMillis, Consumer<Exception> abort) {
      this.deadline = deadline;
      this.timeoutMillis = timeoutMillis;
      this.abort = abort;
    }

    private void abort(Exception reason) {
      if (inFlight.remove(this)) {
        abortedWith = reason;
        abort.accept(reason);
      }
    }

    /** Why the watchdog ended the exchange, or {@code null} if it did not. */
    Exception abortedWith() {
      return abortedWith;
    }

    /** The exchange ended: stop watching it. */
    void done() {
      inFlight.remove(this);
    }
  }
}
