package dev.channels4j.benchmarks.load;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * One client's run, in a process of its own so its CPU time is its own: a warm-up, then the
 * measured events. Prints one line {@code RESULT {...}}.
 */
@SuppressWarnings("try")
public final class ClientRun {
  private ClientRun() {}

  /** {@code client <name> <port> <warmup events> <events>}. */
  public static void main(String[] args) throws Exception {
    String name = args[0];
    int port = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    int events = Integer.parseInt(args[3]);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (Driver driver = Drivers.create(name, port)) {
      Recorder warm = new Recorder(warmup);
      driver.run(warmup, warm);
      if (warm.errors() > 0) {
        System.err.println(name + ": " + warm.errors() + " errors in warm-up, first: " + warm.firstError());
      }
      System.gc();
      Thread.sleep(200);
      Recorder recorder = new Recorder(events);
      long cpuBefore = os.getProcessCpuTime();
      long started = System.nanoTime();
      driver.run(events, recorder);
      long elapsed = System.nanoTime() - started;
      long cpu = os.getProcessCpuTime() - cpuBefore;
      if (recorder.errors() > 0) {
        System.err.println(name + ": " + recorder.errors() + " errors, first: " + recorder.firstError());
      }
      System.out.println(String.format(Locale.ROOT,
          "RESULT {\"client\":\"%s\",\"events\":%d,\"events_per_s\":%.0f,\"cpu_us_per_event\":%.2f,"
              + "\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"errors\":%d}",
          name, events, events / (elapsed / 1e9), cpu / 1e3 / events,
          recorder.percentileMillis(0.50), recorder.percentileMillis(0.99), recorder.errors()));
    }
    System.exit(0);
  }
}
