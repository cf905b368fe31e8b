package dev.channels4j.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Thread-leak checks: take a snapshot before the code under test runs, then ask which threads it
 * started are still alive once it is closed (after a grace period, since threads end asynchronously).
 *
 * <pre>{@code
 * Set<Thread> before = Threads.snapshot();
 * client.close();
 * assertThat(Threads.leftBehind(before, name -> name.startsWith("ForkJoinPool"), Duration.ofSeconds(5))).isEmpty();
 * }</pre>
 */
public final class Threads {
  private Threads() {}

  /** The threads alive now. */
  public static Set<Thread> snapshot() {
    return Set.copyOf(Thread.getAllStackTraces().keySet());
  }

  /** How many live threads have a name starting with {@code prefix}. */
  public static long alive(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
        .count();
  }

  /** The names of the live threads not in {@code before} and not {@code ignored}, now. */
  public static List<String> startedSince(Set<Thread> before, Predicate<String> ignored) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !before.contains(t))
        .map(Thread::getName)
        .filter(ignored.negate())
        .sorted()
        .collect(Collectors.toList());
  }

  /**
   * The names of the threads started since {@code before} (and not {@code ignored}) still alive once
   * {@code grace} has passed; empty as soon as none are.
   */
  public static List<String> leftBehind(Set<Thread> before, Predicate<String> ignored, Duration grace) {
    Await.within(() -> startedSince(before, ignored).isEmpty(), grace);
    return startedSince(before, ignored);
  }
}
