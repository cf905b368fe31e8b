package dev.channels4j.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition to become true, for the tests that observe something the code under test
 * does on its own threads (a thread ending, a count reaching a value). It polls every few
 * milliseconds and fails with what it waited for; it never asserts how long anything took.
 *
 * <pre>{@code
 * Await.until("the linger thread ends", () -> Threads.alive("channels4j-publisher-linger") == 0, Duration.ofSeconds(5));
 * }</pre>
 */
public final class Await {
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private Await() {}

  /** Returns once {@code condition} holds; throws an {@link AssertionError} naming {@code what} after {@code timeout}. */
  public static void until(String what, BooleanSupplier condition, Duration timeout) {
    if (!within(condition, timeout)) {
      throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + what);
    }
  }

  /** Whether {@code condition} held within {@code timeout}, for callers that report the failure themselves. */
  public static boolean within(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        return condition.getAsBoolean();
      }
      LockSupport.parkNanos(POLL_NANOS);
      if (Thread.currentThread().isInterrupted()) {
        throw new AssertionError("interrupted while waiting");
      }
    }
    return true;
  }
}
