package dev.channels4j.internal.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Time that moves only when a test says: {@link #advance} runs the tasks that fall due. */
final class ManualTime implements PublisherTime {
  private long now = 1_000_000_000L;
  private final List<Task> tasks = new ArrayList<>();
  private boolean shutDown;

  private record Task(long due, Runnable action) {}

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized boolean schedule(Runnable task, long delayNanos) {
    if (shutDown) {
      return false;
    }
    tasks.add(new Task(now + delayNanos, task));
    return true;
  }

  @Override
  public synchronized void shutdown() {
    shutDown = true;
    tasks.clear();
  }

  /** Moves time on and runs, on this thread, every task that is due by then. */
  void advance(Duration by) {
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      now += by.toNanos();
      tasks.removeIf(task -> {
        if (task.due() - now <= 0) {
          due.add(task.action());
          return true;
        }
        return false;
      });
    }
    due.forEach(Runnable::run);
  }

  synchronized int scheduled() {
    return tasks.size();
  }
}
