package dev.channels4j.benchmarks.soak;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.Publisher;
import dev.channels4j.TransportException;
import dev.channels4j.local.LocalServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak test: a {@link Publisher} and the async client publish for minutes against channels4j's
 * local server through a proxy that resets connections at random, while a subscriber counts what
 * is delivered. Every event carries a unique id, so the report can say, per event, whether it was
 * accepted (its future succeeded), failed, delivered, delivered twice (duplicated: must be 0) or
 * accepted and never delivered (lost: must be 0).
 *
 * <pre>
 * ./mvnw -B -ntp -Pbenchmarks -pl channels4j-benchmarks -am package -DskipTests
 * java -jar channels4j-benchmarks/target/benchmarks.jar soak --minutes 10
 * </pre>
 *
 * <p>Exit code 0 when nothing was duplicated or lost, 1 otherwise.
 */
public final class Soak {
  private static final int CHANNELS = 20;

  private static final Map<String, String> failureSamples = new ConcurrentHashMap<>();

  private Soak() {}

  /** The client's threads (HttpClient's and channels4j's, the local server's aside), by name without digits. */
  private static Map<String, Long> clientThreads() {
    Map<String, Long> byName = new TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (thread.isAlive() && (name.startsWith("httpclient") || name.startsWith("channels4j-"))
          && !name.startsWith(LocalServer.THREAD_PREFIX)) {
        byName.merge(name.replaceAll("-\\d+", "-#"), 1L, Long::sum);
      }
    }
    return byName;
  }

  public static void main(String[] args) throws Exception {
    double minutes = 10;
    int publisherRate = 400;
    int asyncRate = 100;
    long resetEveryMillis = 100;
    double resetProbability = 0.3;
    long seed = 12;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--minutes" -> minutes = Double.parseDouble(args[++i]);
        case "--publisher-rate" -> publisherRate = Integer.parseInt(args[++i]);
        case "--async-rate" -> asyncRate = Integer.parseInt(args[++i]);
        case "--reset-every-ms" -> resetEveryMillis = Long.parseLong(args[++i]);
        case "--reset-probability" -> resetProbability = Double.parseDouble(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> {
          System.err.println("usage: soak [--minutes M] [--publisher-rate N/s] [--async-rate N/s] "
              + "[--reset-every-ms MS] [--reset-probability P] [--seed S] [--out report.md]");
          System.exit(2);
        }
      }
    }
    String report = run(Duration.ofMillis((long) (minutes * 60_000)), publisherRate, asyncRate,
        resetEveryMillis, resetProbability, seed);
    System.out.println(report);
    if (out != null) {
      Files.writeString(out, report, StandardCharsets.UTF_8);
    }
    System.exit(report.contains("RESULT: PASS") ? 0 : 1);
  }

  static String run(Duration length, int publisherRate, int asyncRate, long resetEveryMillis,
      double resetProbability, long seed) throws Exception {
    List<String> channels = new ArrayList<>();
    for (int i = 0; i < CHANNELS; i++) {
      channels.add("soak-" + i);
    }
    IdSet acceptedIds = new IdSet();
    IdSet failedIds = new IdSet();
    Map<String, AtomicLong> failureKinds = new ConcurrentHashMap<>();
    AtomicLong publishedByPublisher = new AtomicLong();
    AtomicLong publishedByAsync = new AtomicLong();
    AtomicInteger completedTwice = new AtomicInteger();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Instant startedAt = Instant.now();

    try (LocalServer server = LocalServer.builder().port(0).build().start();
        ResettingProxy proxy = new ResettingProxy(server.port(), resetEveryMillis, resetProbability, seed);
        SoakSubscriber subscriber = SoakSubscriber.connect(server.webSocketUri(), channels)) {
      int threadsBeforeClient = threadCount();
      ChannelsClient client = ChannelsClient.builder()
          .appId(server.defaultApp().id()).key(server.defaultApp().key()).secret(server.defaultApp().secret())
          .host("127.0.0.1").port(proxy.port()).useTls(false)
          .timeout(Duration.ofSeconds(5))
          .build();
      Publisher publisher = client.publisher();
      // Start figures: once everything runs, before the first event.
      System.gc();
      long heapStart = memory.getHeapMemoryUsage().getUsed();
      int threadsStart = threadCount();
      Map<String, Long> clientThreadsStart = clientThreads();

      AtomicBoolean stop = new AtomicBoolean();
      Semaphore asyncInFlight = new Semaphore(256);
      Thread publishing = new Thread(() -> produce(stop, publisherRate, seed, channels, id -> {
        publishedByPublisher.incrementAndGet();
        return publisher.publish(Event.of(channelFor(id, channels), "soak", "{\"id\":\"" + id + "\"}"));
      }, "p-", acceptedIds, failedIds, failureKinds, completedTwice), "soak-publisher");
      Thread async = new Thread(() -> produce(stop, asyncRate, seed + 1, channels, id -> {
        publishedByAsync.incrementAndGet();
        asyncInFlight.acquireUninterruptibly();
        CompletableFuture<?> future = client.async().trigger(channelFor(id, channels), "soak", "{\"id\":\"" + id + "\"}");
        future.whenComplete((r, e) -> asyncInFlight.release());
        return future;
      }, "a-", acceptedIds, failedIds, failureKinds, completedTwice), "soak-async");
      publishing.start();
      async.start();

      long end = System.nanoTime() + length.toNanos();
      long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < end) {
        Thread.sleep(200);
        if (System.nanoTime() > nextProgress) {
          nextProgress += TimeUnit.SECONDS.toNanos(30);
          System.err.printf("soak: %ds, %d accepted, %d failed, %d delivered, %d resets%n",
              Duration.between(startedAt, Instant.now()).toSeconds(), acceptedIds.size(), failedIds.size(),
              subscriber.received().size(), proxy.resets());
        }
      }
      stop.set(true);
      publishing.join();
      async.join();
      publisher.close(Duration.ofSeconds(30));
      asyncInFlight.acquire(256); // every async call has completed
      asyncInFlight.release(256);
      subscriber.awaitQuiet(3000, 60_000);
      System.gc();
      long heapEnd = memory.getHeapMemoryUsage().getUsed();
      int threadsEnd = threadCount();
      Map<String, Long> clientThreadsEnd = clientThreads();
      client.close();
      Thread.sleep(500);
      int threadsAfterClose = threadCount();
      Map<String, Long> clientThreadsAfterClose = clientThreads();

      IdSet received = subscriber.received();
      long delivered = received.size();
      long duplicated = subscriber.duplicated().size();
      AtomicLong lostCount = new AtomicLong();
      acceptedIds.forEach(id -> {
        if (!received.contains(id)) {
          lostCount.incrementAndGet();
        }
      });
      long lost = lostCount.get();
      AtomicLong failedButDeliveredCount = new AtomicLong();
      failedIds.forEach(id -> {
        if (received.contains(id)) {
          failedButDeliveredCount.incrementAndGet();
        }
      });
      long failedButDelivered = failedButDeliveredCount.get();
      AtomicLong unknownCount = new AtomicLong(subscriber.foreign());
      received.forEach(id -> {
        if (!acceptedIds.contains(id) && !failedIds.contains(id)) {
          unknownCount.incrementAndGet();
        }
      });
      long unknownDelivered = unknownCount.get();
      long published = publishedByPublisher.get() + publishedByAsync.get();
      boolean pass = duplicated == 0 && lost == 0 && completedTwice.get() == 0
          && acceptedIds.size() + failedIds.size() == published && !subscriber.isClosed();

      StringBuilder r = new StringBuilder();
      r.append("## Soak run ").append(startedAt).append("\n\n");
      r.append(String.format("Length %s, publisher %d events/s + async client %d events/s on %d channels; "
              + "proxy resets one open connection with probability %.2f every %d ms (seed %d); client timeout 5 s, "
              + "default retry policy (POSTs not retried).%n%n",
          length, publisherRate, asyncRate, CHANNELS, resetProbability, resetEveryMillis, seed));
      r.append("| figure | value |\n|---|---|\n");
      row(r, "events published (publisher + async)", published + " (" + publishedByPublisher.get() + " + " + publishedByAsync.get() + ")");
      row(r, "accepted (future succeeded)", acceptedIds.size());
      row(r, "failed (future failed)", failedIds.size() + " " + new TreeMap<>(failureKinds));
      row(r, "delivered to the subscriber (distinct ids)", delivered);
      row(r, "failed, yet delivered (the reset came after the server took it)", failedButDelivered);
      row(r, "duplicated (must be 0)", duplicated);
      row(r, "lost: accepted, never delivered (must be 0)", lost);
      row(r, "delivered, never published (must be 0)", unknownDelivered);
      row(r, "futures completed twice (must be 0)", completedTwice.get());
      row(r, "connections through the proxy / reset", proxy.connections() + " / " + proxy.resets());
      row(r, "heap used after GC (client + local server, whose accepted-event history holds up to 100 000 events), start -> end",
          mib(heapStart) + " -> " + mib(heapEnd));
      row(r, "live threads of the JVM (server, proxy pipes, client): before the client, start, end, 0.5 s after client.close()",
          threadsBeforeClient + ", " + threadsStart + ", " + threadsEnd + ", " + threadsAfterClose);
      row(r, "the client's own threads at start / end / after close", clientThreadsStart + " / " + clientThreadsEnd
          + " / " + clientThreadsAfterClose);
      failureSamples.forEach((kind, message) -> row(r, "first failure of kind " + kind, message));
      r.append("\nRESULT: ").append(pass ? "PASS" : "FAIL").append("\n");
      return r.toString();
    }
  }

  interface Send {
    CompletableFuture<?> send(String id);
  }

  private static void produce(AtomicBoolean stop, int ratePerSecond, long seed, List<String> channels, Send send,
      String prefix, IdSet accepted, IdSet failed, Map<String, AtomicLong> kinds,
      AtomicInteger completedTwice) {
    long n = 0;
    long started = System.nanoTime();
    while (!stop.get()) {
      // Paced: event n goes out at started + n / rate.
      long due = started + n * 1_000_000_000L / ratePerSecond;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
          return;
        }
      }
      String id = prefix + n++;
      AtomicInteger completions = new AtomicInteger();
      send.send(id).whenComplete((result, error) -> {
        if (completions.incrementAndGet() > 1) {
          completedTwice.incrementAndGet();
        }
        if (error == null) {
          accepted.add(id);
        } else {
          failed.add(id);
          String kind = kindOf(error);
          kinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
          failureSamples.putIfAbsent(kind, String.valueOf(error instanceof CompletionException && error.getCause() != null
              ? error.getCause().getMessage() : error.getMessage()).replace('|', '/'));
        }
      });
    }
  }

  private static String kindOf(Throwable error) {
    Throwable t = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (t instanceof TransportException transport) {
      return "Transport/" + transport.kind();
    }
    return t.getClass().getSimpleName();
  }

  private static String channelFor(String id, List<String> channels) {
    return channels.get(Math.floorMod(id.hashCode(), channels.size()));
  }

  private static int threadCount() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  private static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / 1024.0 / 1024.0);
  }

  private static void row(StringBuilder r, String name, Object value) {
    r.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }
}
