package dev.channels4j.internal.transport;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Aborts exchanges that outlive their request's timeout, and every exchange when the transport
 * closes. HttpClient bounds each read, not a whole exchange, so a trickling server could hold a
 * request for ever. One sweep every {@link #PERIOD_MILLIS} over the exchanges in flight costs
 * less than a timer task scheduled and cancelled per request (the timer's queue lock was a fifth
 * of the async completion path).
 *
 * <p>The sweeper never runs an abort itself: aborting completes a future, which runs whatever was
 * chained on it (the publisher's next batch, a caller's callback), and code that blocked or threw
 * there would stop every later deadline. Aborts run on {@link #MAX_ABORTERS} threads at most,
 * created on demand and ended after a second idle; with all of them busy the sweeper waits for
 * one (no queue grows), and an abort that throws is dropped, its exchange already out of the set.
 */
final class Watchdog implements AutoCloseable {
  static final long PERIOD_MILLIS = 20;

  static final int MAX_ABORTERS = 16;

  private final Set<Watched> inFlight = ConcurrentHashMap.newKeySet();
  private final ScheduledThreadPoolExecutor sweeper;
  private final ThreadPoolExecutor aborters;

  Watchdog() {
    this.sweeper = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "channels4j-request-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    this.aborters = new ThreadPoolExecutor(0, MAX_ABORTERS, 1, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
      Thread thread = new Thread(runnable, "channels4j-request-aborts");
      thread.setDaemon(true);
      return thread;
    }, (task, pool) -> {
      // All aborters busy: wait for one rather than queue without bound or run it on the sweeper.
      try {
        if (pool.isShutdown()) {
          task.run(); // closing: the abort must still happen
        } else {
          pool.getQueue().put(task);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
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
    // A scheduled task that throws is never run again: nothing may escape a sweep.
    try {
      long now = System.nanoTime();
      for (Watched watched : inFlight) {
        if (now - watched.deadline > 0 && inFlight.remove(watched)) {
          TimeoutException reason =
              new TimeoutException("no complete response within " + watched.timeoutMillis + " ms");
          aborters.execute(() -> watched.abort(reason));
        }
      }
    } catch (Throwable t) {
      // Keep sweeping: the exchanges this sweep did not reach are aborted by the next one.
    }
  }

  /** Aborts every exchange in flight with {@code reason}, then stops sweeping. */
  void abortAll(Exception reason) {
    inFlight.forEach(watched -> {
      if (inFlight.remove(watched)) {
        watched.abort(reason);
      }
    });
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    aborters.shutdown();
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

    /** Called once, by whoever removed this exchange from the set. */
    private void abort(Exception reason) {
      abortedWith = reason;
      try {
        abort.accept(reason);
      } catch (RuntimeException | Error e) {
        // The exchange's own callbacks failed; its future was completed first (see ApacheTransport).
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
