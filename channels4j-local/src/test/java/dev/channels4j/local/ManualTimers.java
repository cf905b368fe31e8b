package dev.channels4j.local;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Holds scheduled tasks until the test runs them, in the order they were scheduled. */
final class ManualTimers extends ScheduledThreadPoolExecutor {
  private final Queue<Runnable> due = new ArrayDeque<>();

  ManualTimers() {
    super(1);
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    due.add(task);
    return null;
  }

  synchronized int pending() {
    return due.size();
  }

  void runNext() {
    Runnable next;
    synchronized (this) {
      next = due.remove();
    }
    next.run();
  }
}
