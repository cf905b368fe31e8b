package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.testsupport.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every store of the server is bounded, and what a bound drops is counted. */
class StoreBoundsTest {

  @Test
  void expiredCacheEntriesAreSweptWithoutBeingRead() throws Exception {
    AdjustableClock clock = new AdjustableClock();
    try (LocalServer server = LocalServer.builder().port(0).cacheTtl(Duration.ofSeconds(1)).clock(clock).build().start();
        ChannelsClient client = server.newClient()) {
      for (int i = 0; i < 50; i++) {
        client.trigger("cache-swept-" + i, "e", "x");
      }
      assertThat(server.app().cachedChannelCount()).isEqualTo(50);
      clock.advance(Duration.ofSeconds(2));
      Await.until("the sweep empties the cache", () -> server.app().cachedChannelCount() == 0, Duration.ofSeconds(10));
      assertThat(server.stats().cacheEvictions()).isZero();
    }
  }

  /** The system clock, frozen at creation and moved only by the test. */
  static final class AdjustableClock extends java.time.Clock {
    private volatile java.time.Instant now = java.time.Instant.now();

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }

  @Test
  void cacheChannelsBeyondTheCapEvictTheLeastRecentlyWritten() {
    try (LocalServer server = LocalServer.builder().port(0).limits(Limits.builder().maxCachedChannels(10).build())
            .build().start();
        ChannelsClient client = server.newClient()) {
      for (int i = 0; i < 25; i++) {
        client.trigger("cache-capped-" + i, "e", "event " + i);
      }
      assertThat(server.app().cachedChannelCount()).isEqualTo(10);
      assertThat(server.stats().cacheEvictions()).isEqualTo(15);
      assertThat(new RawApi(server).get("/apps/app-id/channels/cache-capped-0", java.util.Map.of("info", "cache")).body())
          .doesNotContain("event 0");
      assertThat(new RawApi(server).get("/apps/app-id/channels/cache-capped-24", java.util.Map.of("info", "cache")).body())
          .contains("event 24");
    }
  }

  @Test
  void cacheBytesAreCappedToo() {
    try (LocalServer server = LocalServer.builder().port(0).limits(Limits.builder().maxCacheBytes(64 * 1024).build())
            .build().start();
        ChannelsClient client = server.newClient()) {
      String data = "x".repeat(8 * 1024);
      for (int i = 0; i < 20; i++) {
        client.trigger("cache-big-" + i, "e", data);
      }
      // 8 KB of data is about 16 KB of heap (two bytes a character, counted conservatively).
      assertThat(server.app().cachedChannelCount()).isBetween(1, 4);
      assertThat(server.stats().cacheEvictions()).isEqualTo(20 - server.app().cachedChannelCount());
    }
  }

  @Test
  void acceptedEventLogIsBoundedInBytes() {
    try (LocalServer server = LocalServer.builder().port(0)
            .limits(Limits.builder().maxAcceptedEventBytes(100 * 1024).build()).build().start();
        ChannelsClient client = server.newClient()) {
      String data = "y".repeat(10 * 1024);
      for (int i = 0; i < 20; i++) {
        client.trigger("log-" + i, "e", data);
      }
      List<AcceptedEvent> kept = server.acceptedEvents();
      assertThat(kept.size()).isBetween(1, 5);
      assertThat(kept.get(kept.size() - 1).channel()).isEqualTo("log-19");
      assertThat(server.stats().acceptedEventsDropped()).isEqualTo(20 - kept.size());
    }
  }

  @Test
  void acceptedEventLogIsBoundedInCount() {
    try (LocalServer server = LocalServer.builder().port(0).limits(Limits.builder().maxAcceptedEvents(5).build())
            .build().start();
        ChannelsClient client = server.newClient()) {
      for (int i = 0; i < 12; i++) {
        client.trigger("count-" + i, "e", "z");
      }
      assertThat(server.acceptedEvents()).extracting(AcceptedEvent::channel)
          .containsExactly("count-7", "count-8", "count-9", "count-10", "count-11");
      assertThat(server.stats().acceptedEventsDropped()).isEqualTo(7);
    }
  }

  @Test
  void webhookUrlThatNeverAnswersKeepsABoundedQueueAndCountsDrops() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        LogCapture log = new LogCapture()) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept()); // accepted, never read, never answered
          }
        } catch (IOException closed) {
          // test over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      try (LocalServer server = LocalServer.builder().port(0)
              .webhookUrl("http://127.0.0.1:" + silent.getLocalPort() + "/hooks")
              .limits(Limits.builder().maxWebhookQueue(5).build()).build().start();
          Peer subscriber = Peer.connect(server)) {
        for (int i = 0; i < 20; i++) {
          subscriber.subscribe("hooked-" + i);
          subscriber.unsubscribe("hooked-" + i);
        }
        subscriber.sync();
        // 40 webhooks (occupied + vacated each): one being tried, five waiting, the rest dropped.
        assertThat(server.stats().webhooksDropped()).isEqualTo(34);
        assertThat(log.text().lines().filter(l -> l.contains("is full")).count()).isEqualTo(1);
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  @Test
  void statsStartAtZero() {
    try (LocalServer server = LocalServer.builder().port(0).build().start()) {
      assertThat(server.stats()).isEqualTo(new ServerStats(0, 0, 0, 0, 0, 0, 0, 0));
    }
  }

}
