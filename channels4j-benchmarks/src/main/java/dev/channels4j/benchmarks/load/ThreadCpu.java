package dev.channels4j.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Diagnostic (Linux only): CPU ticks per native thread of this process, from /proc, so a run can
 * show where its CPU went: request threads, I/O threads, the JIT compiler, the garbage collector.
 */
final class ThreadCpu {
  private ThreadCpu() {}

  /** Thread name (digits folded, so pools group) to CPU ticks (user + system). */
  static Map<String, Long> snapshot() {
    Map<String, Long> ticks = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long cpu = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          ticks.merge(name, cpu, Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended between listing and reading
        }
      });
    } catch (IOException notLinux) {
      return Map.of();
    }
    return ticks;
  }

  static String difference(Map<String, Long> before, Map<String, Long> after, int events) {
    StringBuilder out = new StringBuilder();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> out.append(String.format("  %-28s %6.1f us/event%n", e.getKey(), e.getValue() * 10_000.0 / events)));
    return out.toString();
  }
}
