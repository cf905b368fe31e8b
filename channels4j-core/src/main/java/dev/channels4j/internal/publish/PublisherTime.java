package dev.channels4j.internal.publish;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The publisher's ticker and linger timer, in one place so tests can advance time by hand instead
 * of sleeping.
 */
interface PublisherTime {
  /** A reading of a monotonic ticker, in nanoseconds (only differences mean something). */
  long nanoTime();

  /** Runs {@code task} once, {@code delayNanos} from now; {@code false} once shut down. */
  boolean schedule(Runnable task, long delayNanos);

  /** Cancels what is scheduled; later {@link #schedule} calls return {@code false}. */
  void shutdown();

  /** The JVM's ticker and one daemon thread for the linger. */
  static PublisherTime system() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "channels4j-publisher-linger");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    return new PublisherTime() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public boolean schedule(Runnable task, long delayNanos) {
        try {
          timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
          return true;
        } catch (RejectedExecutionException shutDown) {
          return false;
        }
      }

      @Override
      public void shutdown() {
        timer.shutdownNow();
      }
    };
  }
}
