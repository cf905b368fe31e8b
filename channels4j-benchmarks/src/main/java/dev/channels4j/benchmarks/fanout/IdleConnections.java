package dev.channels4j.benchmarks.fanout;

import dev.channels4j.benchmarks.load.Machine;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an idle connection costs each server: for each server (soketi from {@code interop/},
 * channels4j-local) in a process of its own, the load generator (this process) opens
 * {@code --connections} WebSocket connections, each subscribed to one of {@code --channels} public
 * channels, and reads the server's RSS ({@code /proc/<pid>/status} VmRSS) before and after. RSS per
 * connection = ΔRSS / connections.
 *
 * <p>Both readings follow a warm-up (200 connections opened and closed, so class loading and pools
 * are not counted) and, for the JVM, a full GC ({@code jcmd GC.class_histogram}, whose total is the
 * live heap). The JVM runs with {@code -Xms16m -Xmx1g -XX:MinHeapFreeRatio=10
 * -XX:MaxHeapFreeRatio=20} so that the committed heap follows the live one after the GC; with a
 * fixed heap, RSS would instead count whichever heap pages garbage happened to touch. soketi
 * (Node) is read as it is, 3 s after the last connection. The histograms are written to
 * {@code --out} ({@code idle-histogram-{before,after}.txt}) for a diff of what a connection holds.
 *
 * <pre>
 * java -jar benchmarks.jar idle [--servers soketi,channels4j-local] [--connections 10000] [--channels 100]
 *     [--jvm "-Xms16m -Xmx1g ..."] [--interop interop] [--out channels4j-benchmarks/target]
 * </pre>
 */
public final class IdleConnections {
  private static final String JVM_OPTIONS = "-Xms16m -Xmx1g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20";

  private IdleConnections() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    List<String> servers = Arrays.asList(options.getOrDefault("servers", "soketi,channels4j-local").split(","));
    int connections = Integer.parseInt(options.getOrDefault("connections", "10000"));
    int channels = Integer.parseInt(options.getOrDefault("channels", "100"));
    List<String> jvm = Arrays.asList(options.getOrDefault("jvm", JVM_OPTIONS).trim().split("\\s+"));
    Path interop = Paths.get(options.getOrDefault("interop", "interop"));
    Path out = Paths.get(options.getOrDefault("out", "channels4j-benchmarks/target"));
    Files.createDirectories(out);
    String machine = Machine.describe();
    System.out.printf(Locale.ROOT, "idle connections: %d, each subscribed to one of %d channels; channels4j-local JVM %s;"
        + " %s%n", connections, channels, String.join(" ", jvm), machine);
    List<Map<String, Object>> results = new ArrayList<>();
    for (String name : servers) {
      results.add(run(name, interop, jvm, connections, channels, out));
    }
    StringBuilder table = new StringBuilder("| server | idle connections | RSS before MB | RSS after MB"
        + " | RSS KB/idle connection | live heap KB/idle connection |\n|---|---:|---:|---:|---:|---:|\n");
    for (Map<String, Object> r : results) {
      table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", r.get("server"), r.get("connections"),
          r.get("rss_mb_before"), r.get("rss_mb_after"), r.get("rss_kb_per_connection"),
          r.getOrDefault("live_heap_kb_per_connection", "n/a")));
    }
    System.out.println();
    System.out.println(table);
    Files.writeString(out.resolve("idle.txt"), machine + "\n\n" + table, StandardCharsets.UTF_8);
    System.out.println("wrote " + out.resolve("idle.txt"));
  }

  private static Map<String, Object> run(String name, Path interop, List<String> jvm, int connections, int channels,
      Path out) throws Exception {
    System.out.println("== " + name);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("server", name);
    try (ServerProcess server = ServerProcess.start(name, interop, jvm)) {
      URI uri = URI.create("ws://127.0.0.1:" + server.port + "/app/app-key?protocol=7");
      try (Subscribers warmup = new Subscribers()) {
        warmup.open(uri, 200, i -> "idle-" + (i % channels));
      }
      Thread.sleep(2000);
      boolean jvmServer = name.equals("channels4j-local");
      long live0 = jvmServer ? liveHeap(server, out.resolve("idle-histogram-before.txt")) : 0;
      Thread.sleep(2000);
      long rss0 = server.rssBytes();
      try (Subscribers idle = new Subscribers()) {
        long t0 = System.nanoTime();
        idle.open(uri, connections, i -> "idle-" + (i % channels));
        System.out.printf(Locale.ROOT, "  %d connections subscribed in %.1f s%n", connections, (System.nanoTime() - t0) / 1e9);
        Thread.sleep(3000);
        long live1 = jvmServer ? liveHeap(server, out.resolve("idle-histogram-after.txt")) : 0;
        Thread.sleep(2000);
        long rss1 = server.rssBytes();
        int open = idle.open() - idle.closedByServer();
        result.put("connections", open);
        result.put("rss_mb_before", round(rss0 / 1048576.0, 1));
        result.put("rss_mb_after", round(rss1 / 1048576.0, 1));
        result.put("rss_kb_per_connection", round((rss1 - rss0) / 1024.0 / connections, 1));
        if (jvmServer) {
          result.put("live_heap_kb_per_connection", round((live1 - live0) / 1024.0 / connections, 1));
        }
        result.put("alive", server.alive());
        System.out.println("  " + result);
      }
    }
    return result;
  }

  /** Runs a full GC through {@code jcmd GC.class_histogram}, keeps the histogram, returns its total bytes. */
  static long liveHeap(ServerProcess server, Path histogram) throws IOException, InterruptedException {
    Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), "GC.class_histogram")
        .redirectErrorStream(true).redirectOutput(histogram.toFile()).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jcmd failed: " + Files.readString(histogram));
    }
    List<String> lines = Files.readAllLines(histogram);
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).trim();
      if (line.startsWith("Total")) {
        String[] fields = line.split("\\s+");
        return Long.parseLong(fields[fields.length - 1]);
      }
    }
    throw new IllegalStateException("no Total in " + histogram);
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: idle [--servers soketi,channels4j-local] [--connections N]"
            + " [--channels N] [--jvm \"JVM options\"] [--interop DIR] [--out DIR]; got " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
