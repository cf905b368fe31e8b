package dev.channels4j.benchmarks.load;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/**
 * One client's run, in a process of its own so its CPU time is its own: a warm-up, then the
 * measured events. Prints one line {@code RESULT {...}}.
 */
@SuppressWarnings("try")
public final class ClientRun {
  private static final int MAX_WARMUP_CHUNKS = 1000;
  private static final long MIN_WARMUP_NANOS = 10_000_000_000L;
  /** JIT compilation time per wall time of a chunk under which the compiler counts as quiet. */
  private static final double QUIET_JIT_SHARE = 0.02;
  private ClientRun() {}

  /**
   * {@code client <name> <port> <warm-up chunk> <events>}: warms up in chunks of events for at
   * least 10 s and until the JIT compiled for under 2% of a chunk's time (at most 1000 chunks); then
   * measures. A fixed event count would warm a fast client for less time than a slow one.
   */
  public static void main(String[] args) throws Exception {
    String name = args[0];
    int port = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    int events = Integer.parseInt(args[3]);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (Driver driver = Drivers.create(name, port)) {
      // Warm up until the JIT compiler is idle: on a small machine C2 may still be compiling long
      // after a fixed number of events, and its CPU time would be counted against the client.
      CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
      int warmupEvents = 0;
      long warmupStarted = System.nanoTime();
      for (int chunk = 1; chunk <= MAX_WARMUP_CHUNKS; chunk++) {
        long compiledBefore = jit.getTotalCompilationTime();
        long chunkStarted = System.nanoTime();
        Recorder warm = new Recorder(warmup);
        driver.run(warmup, warm);
        warmupEvents += warmup;
        if (warm.errors() > 0) {
          System.err.println(name + ": " + warm.errors() + " errors in warm-up, first: " + warm.firstError());
        }
        long chunkMillis = Math.max(1, (System.nanoTime() - chunkStarted) / 1_000_000);
        double jitShare = (jit.getTotalCompilationTime() - compiledBefore) / (double) chunkMillis;
        if (System.nanoTime() - warmupStarted >= MIN_WARMUP_NANOS && jitShare < QUIET_JIT_SHARE) {
          break;
        }
      }
      System.gc();
      Thread.sleep(200);
      Recorder recorder = new Recorder(events);
      boolean threads = System.getenv("CHANNELS4J_BENCH_THREADS") != null;
      Map<String, Long> threadsBefore = threads ? ThreadCpu.snapshot() : Map.of();
      long cpuBefore = os.getProcessCpuTime();
      long started = System.nanoTime();
      driver.run(events, recorder);
      long elapsed = System.nanoTime() - started;
      long cpu = os.getProcessCpuTime() - cpuBefore;
      if (threads) {
        System.err.print(ThreadCpu.difference(threadsBefore, ThreadCpu.snapshot(), events));
      }
      if (recorder.errors() > 0) {
        System.err.println(name + ": " + recorder.errors() + " errors, first: " + recorder.firstError());
      }
      System.out.println(String.format(Locale.ROOT,
          "RESULT {\"client\":\"%s\",\"events\":%d,\"warmup_events\":%d,\"events_per_s\":%.0f,\"cpu_us_per_event\":%.2f,"
              + "\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"errors\":%d}",
          name, events, warmupEvents, events / (elapsed / 1e9), cpu / 1e3 / events,
          recorder.percentileMillis(0.50), recorder.percentileMillis(0.99), recorder.errors()));
    }
    System.exit(0);
  }
}
