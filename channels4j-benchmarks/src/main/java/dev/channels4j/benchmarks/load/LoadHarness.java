package dev.channels4j.benchmarks.load;

import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts each sink in a process of its own, then runs every client against it, one after another,
 * each in a fresh JVM with the same warm-up and event count. Prints a table, and writes
 * {@code results.json} and {@code results.svg}.
 */
public final class LoadHarness {
  private LoadHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    int events = Integer.parseInt(options.getOrDefault("events", "50000"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "20000"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    List<String> sinks = Arrays.asList(options.getOrDefault("sinks", "minimal").split(","));
    List<String> clients = options.containsKey("clients")
        ? Arrays.asList(options.get("clients").split(",")) : Drivers.ALL;
    Path out = Paths.get(options.getOrDefault("out", "channels4j-benchmarks/target"));
    Files.createDirectories(out);

    String machine = Machine.describe();
    System.out.println("channels4j load harness: " + events + " events per client, after a warm-up of at least 10 s"
        + " in chunks of " + warmup + " events until the JIT is quiet, " + Workload.CHANNELS + " channels, " + rounds + " interleaved rounds (medians reported); " + machine);
    List<Map<String, Object>> runs = new ArrayList<>();
    List<Map<String, Object>> samples = new ArrayList<>();
    for (String sink : sinks) {
      Process sinkProcess = start("sink", sink);
      try {
        int port = awaitPort(sinkProcess);
        Map<String, List<Map<String, Object>>> byClient = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
          for (String client : clients) {
            Map<String, Object> result = runClient(client, port, warmup, events);
            result.put("sink", sink);
            result.put("round", round);
            samples.add(result);
            byClient.computeIfAbsent(client, c -> new ArrayList<>()).add(result);
            System.out.printf(Locale.ROOT, "  round %d %-8s %-27s %9.0f ev/s %8.1f us/ev  p50 %7.2f ms  p99 %7.2f ms  errors %s%n",
                round, sink, client, num(result, "events_per_s"), num(result, "cpu_us_per_event"),
                num(result, "p50_ms"), num(result, "p99_ms"), result.get("errors"));
          }
        }
        byClient.forEach((client, results) -> runs.add(median(sink, client, events, results)));
      } finally {
        sinkProcess.destroy();
        sinkProcess.waitFor(10, TimeUnit.SECONDS);
      }
    }
    Report report = new Report(runs, samples, machine, Instant.now().toString(), events, warmup, rounds);
    System.out.println();
    System.out.println(report.table());
    System.out.println(report.targets());
    Files.writeString(out.resolve("results.json"), report.json(), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("results.svg"), report.svg(), StandardCharsets.UTF_8);
    System.out.println("wrote " + out.resolve("results.json") + " and " + out.resolve("results.svg"));
  }

  /** The median of each metric over the rounds; errors are summed, since every one must be 0. */
  private static Map<String, Object> median(String sink, String client, int events, List<Map<String, Object>> results) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("sink", sink);
    run.put("client", client);
    run.put("events", events);
    for (String metric : List.of("events_per_s", "cpu_us_per_event", "p50_ms", "p99_ms")) {
      double[] values = results.stream().mapToDouble(r -> num(r, metric)).sorted().toArray();
      double median = values.length % 2 == 1 ? values[values.length / 2]
          : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
      run.put(metric, Math.round(median * 1000) / 1000.0);
    }
    run.put("errors", results.stream().mapToLong(r -> ((Number) r.get("errors")).longValue()).sum());
    return run;
  }

  private static Map<String, Object> runClient(String client, int port, int warmup, int events) throws Exception {
    Process process = start("client", client, Integer.toString(port), Integer.toString(warmup), Integer.toString(events));
    String resultLine = null;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("RESULT ")) {
          resultLine = line.substring("RESULT ".length());
        }
      }
    }
    if (!process.waitFor(10, TimeUnit.MINUTES) || resultLine == null) {
      process.destroyForcibly();
      throw new IllegalStateException("client " + client + " produced no result (exit " + process.exitValue() + ")");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> result = new LinkedHashMap<>((Map<String, Object>) JacksonJsonCodecs.defaults().parse(resultLine));
    return result;
  }

  private static Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms1g");
    command.add("-Xmx1g");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.channels4j.benchmarks.Main");
    command.addAll(Arrays.asList(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static int awaitPort(Process sink) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(sink.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith("PORT ")) {
        return Integer.parseInt(line.substring(5).trim());
      }
    }
    throw new IllegalStateException("the sink exited before listening");
  }

  static double num(Map<String, Object> run, String key) {
    return ((Number) run.get(key)).doubleValue();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "usage: load [--events N] [--warmup N] [--rounds N] [--sinks minimal,local] [--clients a,b] [--out DIR]; got " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
