package dev.channels4j.benchmarks.fanout;

import dev.channels4j.ApiException;
import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.benchmarks.load.Machine;
import java.net.URI;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fan-out, side by side: for each server (soketi from {@code interop/}, channels4j-local), in a
 * process of its own, the same load generator opens {@code --subscribers} WebSocket connections
 * over {@code --channels} public channels, publishes a warm-up, then {@code --events} events
 * through {@code batch_events} (10 a request, one per channel in turn) from {@code --publishers}
 * threads, and measures until every delivery arrived (or 60 s after the last publish). A 429 is
 * retried after 2 ms and counted. Then it opens idle connections, up to {@code --max-connections}
 * or the first failure, to measure RSS per idle connection and the most connections held (the
 * {@code idle} command measures that alone, subscribed, with a heap that follows the live one).
 *
 * <pre>
 * java -jar benchmarks.jar fanout [--servers soketi,channels4j-local] [--subscribers 500] [--channels 10]
 *     [--events 10000] [--warmup 2000] [--publishers 4] [--max-connections 5000] [--client frames|jdk]
 *     [--interop interop]
 * </pre>
 */
public final class FanOutBenchmark {
  private FanOutBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    List<String> servers = Arrays.asList(options.getOrDefault("servers", "soketi,channels4j-local").split(","));
    int subscribers = Integer.parseInt(options.getOrDefault("subscribers", "500"));
    int channels = Integer.parseInt(options.getOrDefault("channels", "10"));
    int events = Integer.parseInt(options.getOrDefault("events", "10000"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "2000"));
    int publishers = Integer.parseInt(options.getOrDefault("publishers", "4"));
    int maxConnections = Integer.parseInt(options.getOrDefault("max-connections", "5000"));
    Path interop = Paths.get(options.getOrDefault("interop", "interop"));
    // frames: FrameSubscribers (one reader thread, frames parsed in place); jdk: the JDK's WebSocket client.
    String client = options.getOrDefault("client", "frames");
    if (!client.equals("frames") && !client.equals("jdk")) {
      throw new IllegalArgumentException("--client is frames or jdk, got " + client);
    }
    Path out = Paths.get(options.getOrDefault("out", "channels4j-benchmarks/target"));
    Files.createDirectories(out);
    String machine = Machine.describe();
    System.out.printf(Locale.ROOT, "fan-out: %d subscribers over %d channels, %d events by batch_events (%d deliveries) after"
        + " %d warm-up events, %d publisher threads, subscribers through %s; %s%n", subscribers, channels, events,
        (long) events * subscribers / channels, warmup, publishers, client, machine);

    List<Map<String, Object>> results = new ArrayList<>();
    for (String name : servers) {
      results.add(run(name, client, interop, subscribers, channels, events, warmup, publishers, maxConnections));
    }
    String table = table(results);
    System.out.println();
    System.out.println(table);
    StringBuilder json = new StringBuilder("{\"machine\":\"" + machine.replace("\"", "'") + "\",\"date\":\""
        + Instant.now() + "\",\"subscribers\":" + subscribers + ",\"channels\":" + channels + ",\"events\":" + events
        + ",\"warmup\":" + warmup + ",\"publishers\":" + publishers + ",\"client\":\"" + client + "\",\"servers\":[");
    for (int i = 0; i < results.size(); i++) {
      json.append(i == 0 ? "" : ",").append(toJson(results.get(i)));
    }
    json.append("]}\n");
    Files.writeString(out.resolve("fanout.json"), json.toString(), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("fanout.txt"), table + "\n", StandardCharsets.UTF_8);
    System.out.println("wrote " + out.resolve("fanout.json") + " and " + out.resolve("fanout.txt"));
  }

  private static Map<String, Object> run(String name, String client, Path interop, int subscriberCount, int channels, int events,
      int warmup, int publisherThreads, int maxConnections) throws Exception {
    System.out.println("== " + name);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("server", name);
    try (ServerProcess server = ServerProcess.start(name, interop);
        SubscriberSide subscribers = client.equals("jdk") ? new Subscribers() : new FrameSubscribers();
        ChannelsClient publisher = ChannelsClient.builder().appId("app-id").key("app-key").secret("app-secret")
            .host("127.0.0.1").port(server.port).useTls(false).build()) {
      URI uri = URI.create("ws://127.0.0.1:" + server.port + "/app/app-key?protocol=7");
      subscribers.open(uri, subscriberCount, i -> "fanout-" + (i % channels));
      long perEvent = subscriberCount / channels;
      AtomicLong retries = new AtomicLong();

      subscribers.record((int) (warmup * perEvent));
      publish(publisher, channels, warmup, publisherThreads, retries);
      await(subscribers, warmup * perEvent);
      System.out.println("  warm-up: " + subscribers.received() + " of " + warmup * perEvent + " delivered");

      long expected = events * perEvent;
      retries.set(0);
      subscribers.record((int) expected);
      long cpu0 = server.cpuMicros();
      // The generator shares the cores with the server: if it costs more per delivery than the
      // server does, it, not the server, sets deliveries/s.
      long generatorCpu0 = generatorCpuNanos();
      long t0 = System.nanoTime();
      publish(publisher, channels, events, publisherThreads, retries);
      long published = System.nanoTime();
      await(subscribers, expected);
      long t1 = subscribers.received() > 0 ? subscribers.lastReceiveNanos() : System.nanoTime();
      long cpu1 = server.cpuMicros();
      long generatorCpu1 = generatorCpuNanos();
      long delivered = subscribers.received();
      long[] latencies = subscribers.latenciesNanos();
      Arrays.sort(latencies);
      result.put("deliveries", delivered);
      result.put("missing", expected - delivered);
      result.put("deliveries_per_s", Math.round(delivered / ((t1 - t0) / 1e9)));
      result.put("publish_s", round((published - t0) / 1e9, 2));
      result.put("cpu_us_per_delivery", round((cpu1 - cpu0) / (double) Math.max(1, delivered), 2));
      result.put("generator_cpu_us_per_delivery",
          round((generatorCpu1 - generatorCpu0) / 1e3 / Math.max(1, delivered), 2));
      result.put("p50_ms", round(percentile(latencies, 0.50) / 1e6, 1));
      result.put("p99_ms", round(percentile(latencies, 0.99) / 1e6, 1));
      result.put("max_ms", round(latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, 1));
      result.put("retried_429", retries.get());
      if (subscribers instanceof FrameSubscribers frames) {
        // Messages per socket read: a server that writes each message on its own makes the reader pay a
        // wake-up and a read per message.
        result.put("deliveries_per_read", round(delivered / (double) Math.max(1, frames.reads()), 2));
      }
      result.put("closed_by_server", subscribers.closedByServer());
      System.out.println("  " + result);

      // A full GC in the server (the histogram's), not ours. With its fixed heap RSS still counts
      // heap pages garbage touched once, so the live heap is recorded too; `idle` measures RSS
      // with a heap that follows the live one.
      boolean jvm = name.equals("channels4j-local");
      long live0 = jvm ? liveHeap(server) : 0;
      Thread.sleep(2000);
      long rss0 = server.rssBytes();
      int idle = subscribers.openIdle(uri, Math.max(0, maxConnections - subscriberCount));
      Thread.sleep(3000);
      long live1 = jvm ? liveHeap(server) : 0;
      Thread.sleep(2000);
      long rss1 = server.rssBytes();
      if (jvm && idle > 0) {
        result.put("live_heap_kb_per_idle_connection", round((live1 - live0) / 1024.0 / idle, 1));
      }
      result.put("rss_mb_with_subscribers", round(rss0 / 1048576.0, 1));
      result.put("rss_kb_per_idle_connection", idle == 0 ? 0 : round((rss1 - rss0) / 1024.0 / idle, 1));
      result.put("connections_held", subscribers.open());
      result.put("connections_cap", maxConnections);
      result.put("alive", server.alive());
      System.out.println("  " + result);
    }
    return result;
  }

  /** The server's live heap after a full GC; the histogram itself is not kept. */
  private static long liveHeap(ServerProcess server) throws Exception {
    Path histogram = Files.createTempFile("fanout-histogram", ".txt");
    try {
      return IdleConnections.liveHeap(server, histogram);
    } finally {
      Files.deleteIfExists(histogram);
    }
  }

  private static void publish(ChannelsClient client, int channels, int events, int threads, AtomicLong retries)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          while (true) {
            int first = next.getAndAdd(10);
            if (first >= events) {
              return null;
            }
            List<Event> batch = new ArrayList<>(10);
            for (int i = first; i < Math.min(first + 10, events); i++) {
              batch.add(Event.of("fanout-" + (i % channels), "tick", "t=" + System.nanoTime()));
            }
            while (true) {
              try {
                client.triggerBatch(batch);
                break;
              } catch (ApiException e) {
                if (e.status() != 429) {
                  throw e;
                }
                retries.incrementAndGet();
                Thread.sleep(2);
              }
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits until {@code expected} deliveries arrived, or 60 s without all of them after the call. */
  private static void await(SubscriberSide subscribers, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (subscribers.received() < expected && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }

  private static String table(List<Map<String, Object>> results) {
    StringBuilder table = new StringBuilder(
        "| server | deliveries/s | server CPU µs/delivery | generator CPU µs/delivery | p50 ms | p99 ms | max ms | missing | 429 retries |"
            + " RSS KB/idle connection | live heap KB/idle connection | connections held (cap) |"
            + "\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map<String, Object> r : results) {
      table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s (%s) |%n",
          r.get("server"), r.get("deliveries_per_s"), r.get("cpu_us_per_delivery"),
          r.get("generator_cpu_us_per_delivery"), r.get("p50_ms"), r.get("p99_ms"),
          r.get("max_ms"), r.get("missing"), r.get("retried_429"), r.get("rss_kb_per_idle_connection"),
          r.getOrDefault("live_heap_kb_per_idle_connection", "n/a"), r.get("connections_held"), r.get("connections_cap")));
    }
    if (results.size() == 2 && results.get(0).get("server").equals("soketi")) {
      Map<String, Object> soketi = results.get(0);
      Map<String, Object> ours = results.get(1);
      table.append(String.format(Locale.ROOT, "%nratios %s / soketi: deliveries/s %.2f, CPU per delivery %.2f, p99 %.2f%n",
          ours.get("server"), num(ours, "deliveries_per_s") / num(soketi, "deliveries_per_s"),
          num(ours, "cpu_us_per_delivery") / num(soketi, "cpu_us_per_delivery"),
          num(ours, "p99_ms") / Math.max(0.1, num(soketi, "p99_ms"))));
    }
    return table.toString();
  }

  private static double num(Map<String, Object> r, String key) {
    return ((Number) r.get(key)).doubleValue();
  }

  private static String toJson(Map<String, Object> r) {
    StringBuilder json = new StringBuilder("{");
    r.forEach((k, v) -> json.append(json.length() == 1 ? "" : ",").append('"').append(k).append("\":")
        .append(v instanceof String ? "\"" + v + "\"" : String.valueOf(v)));
    return json.append('}').toString();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: fanout [--servers soketi,channels4j-local] [--subscribers N]"
            + " [--channels N] [--events N] [--warmup N] [--publishers N] [--max-connections N] [--client frames|jdk] [--interop DIR]"
            + " [--out DIR]; got " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  /** CPU time of this process (the publishers and the subscribers' JDK WebSocket clients). */
  private static long generatorCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
