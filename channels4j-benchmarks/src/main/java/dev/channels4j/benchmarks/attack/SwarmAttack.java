package dev.channels4j.benchmarks.attack;

import dev.channels4j.ApiException;
import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 16 item 4, as the red team ran it: 40 subscribers of a busy channel that never read,
 * replaced every 6 s, while a publisher keeps that channel busy with batches of 10 KB events; meanwhile
 * another channel, with a reading subscriber, is published to 5 times a second. Prints that
 * channel's publishes refused (429), their HTTP latency (p50, p99, max) and how many of its events
 * the reader got.
 */
final class SwarmAttack {
  private static final int SWARM = 40;
  private static final long REPLACE_MILLIS = 6_000;
  private static final long DURATION_MILLIS = 30_000;

  private final int port;
  private final String key;
  private final ChannelsClient client;

  SwarmAttack(int port, String key, ChannelsClient client) {
    this.port = port;
    this.key = key;
    this.client = client;
  }

  void run() throws Exception {
    AtomicInteger received = new AtomicInteger();
    WebSocket reader = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/app/" + key + "?protocol=7"), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (data.toString().contains("\"tick\"")) {
              received.incrementAndGet();
            }
            ws.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    reader.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"quiet\"}}", true).get(5, TimeUnit.SECONDS);
    Thread.sleep(500);

    AtomicBoolean stop = new AtomicBoolean();
    Thread busy = new Thread(() -> {
      String data = "b".repeat(10_000);
      while (!stop.get()) {
        List<Event> batch = new ArrayList<>();
        for (int j = 0; j < 10; j++) {
          batch.add(Event.of("busy", "big", data));
        }
        try {
          client.triggerBatch(batch);
        } catch (RuntimeException refusedOrSlow) {
          // the busy channel's own publisher may be refused; only the quiet channel is measured
        }
      }
    }, "swarm-busy-publisher");
    busy.start();

    List<Attacks.RawSocket> swarm = new ArrayList<>();
    List<Long> latencies = new ArrayList<>();
    int refused = 0;
    int published = 0;
    long start = System.nanoTime();
    long nextSwarm = 0;
    try {
      while ((System.nanoTime() - start) / 1_000_000 < DURATION_MILLIS) {
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        if (elapsed >= nextSwarm) {
          for (Attacks.RawSocket s : swarm) {
            s.close();
          }
          swarm.clear();
          for (int i = 0; i < SWARM; i++) {
            Attacks.RawSocket s = Attacks.RawSocket.connect(port, key);
            s.out.write(Attacks.RawSocket.frame("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"busy\"}}"));
            swarm.add(s);
          }
          nextSwarm += REPLACE_MILLIS;
        }
        long t0 = System.nanoTime();
        try {
          client.trigger("quiet", "tick", "n" + published);
        } catch (ApiException e) {
          if (e.status() == 429) {
            refused++;
          }
        }
        latencies.add((System.nanoTime() - t0) / 1_000_000);
        published++;
        Thread.sleep(200);
      }
    } finally {
      stop.set(true);
      busy.join(10_000);
      for (Attacks.RawSocket s : swarm) {
        s.close();
      }
    }
    Thread.sleep(1000);
    reader.abort();
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("swarm: %d stalled subscribers of a busy channel, replaced every %d s for %d s; the other channel:"
            + " %d publishes, %d refused (429), HTTP p50 %d ms, p99 %d ms, max %d ms; %d of %d delivered to its reader%n",
        SWARM, REPLACE_MILLIS / 1000, DURATION_MILLIS / 1000, published, refused, percentile(sorted, 50),
        percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1], received.get(), published);
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
