package dev.channels4j.benchmarks.load;

import com.sun.management.OperatingSystemMXBean;
import dev.channels4j.testsupport.network.SelfSignedCertificate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One client's run for the distance benchmark, in a process of its own: a warm-up of at least the
 * given time and until the JIT compiler is quiet (at most five times the given time), which also
 * measures the client's rate, then a measured run of as many events as that rate fills
 * in the measured time (so a client at 80 ms publishes fewer events than one on loopback, for the
 * same wall time). Around the measured run it prints {@code MEASURE} and {@code MEASURED} and
 * waits for a line on standard input each time, so the harness can read the proxy's and the
 * sink's counters exactly around it. Then prints {@code RESULT {...}}.
 */
@SuppressWarnings("try")
public final class DistanceClient {
  /** As many as the most concurrent client keeps in flight (async: 64), so warm-up opens its whole pool. */
  private static final int FIRST_CHUNK = 64;
  private static final int MAX_EVENTS = 5_000_000;
  private static final long CHUNK_TARGET_NANOS = 500_000_000L;
  /** JIT compilation time per wall time of a chunk under which the compiler counts as quiet. */
  private static final double QUIET_JIT_SHARE = 0.02;
  /** The warm-up ends after this many times the warm-up time even if the JIT is still busy. */
  private static final int MAX_WARMUP_FACTOR = 5;

  private DistanceClient() {}

  /** {@code distance-client <name> <port> <tls dir or -> <warm-up seconds> <measured seconds>}. */
  public static void main(String[] args) throws Exception {
    String name = args[0];
    int port = Integer.parseInt(args[1]);
    SelfSignedCertificate tls = args[2].equals("-") ? null : SelfSignedCertificate.existing(Path.of(args[2]));
    long warmupNanos = (long) (Double.parseDouble(args[3]) * 1e9);
    double seconds = Double.parseDouble(args[4]);
    BufferedReader harness = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (Driver driver = Drivers.create(name, port, tls)) {
      int chunk = FIRST_CHUNK;
      int warmupEvents = 0;
      double rate;
      long warmupStarted = System.nanoTime();
      CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
      while (true) {
        Recorder warm = new Recorder(chunk);
        long compiledBefore = jit.getTotalCompilationTime();
        long started = System.nanoTime();
        driver.run(chunk, warm);
        long took = Math.max(1, System.nanoTime() - started);
        double jitShare = (jit.getTotalCompilationTime() - compiledBefore) / (took / 1e6);
        warmupEvents += chunk;
        if (warm.errors() > 0) {
          System.err.println(name + ": " + warm.errors() + " errors in warm-up, first: " + warm.firstError());
        }
        rate = chunk / (took / 1e9);
        long warmed = System.nanoTime() - warmupStarted;
        // At least the warm-up time, then until the JIT compiler is quiet: a starved machine
        // compiles for long, and channels4j has more code to compile than the floor.
        if (warmed >= warmupNanos && (jitShare < QUIET_JIT_SHARE || warmed >= MAX_WARMUP_FACTOR * warmupNanos)) {
          break;
        }
        if (took < CHUNK_TARGET_NANOS) {
          chunk = (int) Math.min(MAX_EVENTS, chunk * 2L);
        }
      }
      int events = (int) Math.max(FIRST_CHUNK, Math.min(MAX_EVENTS, rate * seconds));
      System.gc();
      Thread.sleep(200);
      await(harness, "MEASURE");
      Recorder recorder = new Recorder(events);
      long cpuBefore = os.getProcessCpuTime();
      long started = System.nanoTime();
      driver.run(events, recorder);
      long elapsed = System.nanoTime() - started;
      long cpu = os.getProcessCpuTime() - cpuBefore;
      await(harness, "MEASURED");
      if (recorder.errors() > 0) {
        System.err.println(name + ": " + recorder.errors() + " errors, first: " + recorder.firstError());
      }
      System.out.println(String.format(Locale.ROOT,
          "RESULT {\"client\":\"%s\",\"events\":%d,\"warmup_events\":%d,\"seconds\":%.3f,\"events_per_s\":%.1f,"
              + "\"cpu_us_per_event\":%.2f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"errors\":%d}",
          name, events, warmupEvents, elapsed / 1e9, events / (elapsed / 1e9), cpu / 1e3 / events,
          recorder.percentileMillis(0.50), recorder.percentileMillis(0.99), recorder.errors()));
      System.out.flush();
    }
    System.exit(0);
  }

  /** Tells the harness where the run is and waits for its go-ahead (it reads its counters meanwhile). */
  private static void await(BufferedReader harness, String mark) throws IOException {
    System.out.println(mark);
    System.out.flush();
    if (harness.readLine() == null) {
      throw new IllegalStateException("the harness went away at " + mark);
    }
  }
}
