package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.testsupport.Await;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Peers that are slow, silent or never read cost the server bounded memory and no thread. */
class SlowPeerTest {
  private static final String EVENTS = "/apps/app-id/events";

  @Test
  void slowBodyFloodDoesNotStopSignedRequestsOrPongs() throws Exception {
    List<Socket> attackers = new ArrayList<>();
    try (LocalServer server = LocalServer.builder().port(0).build().start();
        ChannelsClient client = server.newClient();
        Peer subscriber = Peer.connect(server)) {
      subscriber.subscribe("flooded");
      byte[] promised = new byte[100];
      // More stalled bodies than the server has threads (64), each correctly signed, none ever sent.
      for (int i = 0; i < 100; i++) {
        Socket socket = new Socket("127.0.0.1", server.port());
        attackers.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + EVENTS + "?" + new RawApi(server).signedQuery("POST", EVENTS, promised) + " HTTP/1.1\r\n"
            + "Host: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      for (int i = 0; i < 20; i++) {
        client.trigger("flooded", "tick", "n" + i);
      }
      assertThat(subscriber.awaitEvents("flooded", "tick", 20)).hasSize(20);
      subscriber.sync(); // pusher:ping answered
      assertThat(server.acceptedEvents()).hasSize(20);
    } finally {
      for (Socket socket : attackers) {
        socket.close();
      }
    }
  }

  @Test
  void nonReadingClientFloodingInvalidFramesIsClosedOverCapacity() throws Exception {
    Limits limits = Limits.builder().maxPendingBytesPerConnection(64 * 1024).build();
    try (LocalServer server = LocalServer.builder().port(0).limits(limits).build().start();
        RawWebSocket attacker = RawWebSocket.connect(server)) {
      int sent = 0;
      try {
        // Each invalid frame earns a pusher:error the attacker never reads.
        while (sent < 400_000 && server.stats().closedOverCapacity() == 0) {
          for (int i = 0; i < 1000; i++) {
            attacker.sendText("x");
          }
          attacker.flush();
          sent += 1000;
        }
      } catch (IOException dropped) {
        // the server closed us: what the test waits for
      }
      Await.until("the server closes the connection over capacity",
          () -> server.stats().closedOverCapacity() == 1, Duration.ofSeconds(10));
      assertThat(attacker.drainUntilClosed()).isTrue();
      Await.until("its backlog and connection are gone",
          () -> server.stats().queuedDeliveries() == 0 && server.stats().openConnections() == 0, Duration.ofSeconds(10));
      try (Peer other = Peer.connect(server)) {
        other.sync();
      }
    }
  }

  @Test
  void subscriberThatStopsReadingIsClosedAndOthersGetEveryEvent() throws Exception {
    Limits limits = Limits.builder().maxPendingBytesPerConnection(256 * 1024).build();
    try (LocalServer server = LocalServer.builder().port(0).limits(limits).build().start();
        ChannelsClient client = server.newClient();
        Peer reader = Peer.connect(server);
        RawWebSocket stalled = RawWebSocket.connect(server)) {
      stalled.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"feed\"}}");
      stalled.flush();
      reader.subscribe("feed");
      Await.until("both are subscribed to feed",
          () -> server.app().subscriptionCount("feed") == 2, Duration.ofSeconds(5));
      String data = "d".repeat(10_000);
      for (int i = 1; i <= 600; i++) {
        client.trigger("feed", "big", data);
        if (i % 10 == 0) {
          // Paced by the reading subscriber, so only the stalled one falls behind.
          reader.awaitEvents("feed", "big", 10);
        }
      }
      assertThat(reader.events("feed", "big")).hasSize(600);
      Await.until("the server closes the connection over capacity",
          () -> server.stats().closedOverCapacity() == 1, Duration.ofSeconds(10));
      assertThat(server.app().subscriptionCount("feed")).isEqualTo(1);
      Await.until("the backlog is released", () -> server.stats().queuedDeliveries() == 0, Duration.ofSeconds(10));
    }
  }

  @Test
  void publishIsRefusedWith429WhenDeliveriesToReadingConnectionsBackUp() throws Exception {
    Limits limits = smallBacklogLargeOutboxes();
    try (LocalServer server = slowReaderServer(limits);
        RawWebSocket stalled = RawWebSocket.connect(server)) {
      subscribeToJam(server, stalled);
      RawApi api = new RawApi(server);
      String body = JAM_EVENT;
      HttpResponse<String> last = null;
      for (int i = 0; i < 3000; i++) {
        last = api.post(EVENTS, body);
        if (last.statusCode() != 200) {
          break;
        }
      }
      assertThat(last.statusCode()).isEqualTo(429);
      assertThat(last.body()).startsWith("Too Many Requests: ");
      assertThat(server.stats().publishesRefused()).isEqualTo(1);
      assertThat(server.stats().publishesDelayed()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void publishesWaitingForTheBacklogAreBoundedAndOneMoreIsRefusedAtOnce() throws Exception {
    try (LocalServer server = slowReaderServer(smallBacklogLargeOutboxes());
        RawWebSocket stalled = RawWebSocket.connect(server)) {
      subscribeToJam(server, stalled);
      RawApi api = new RawApi(server);
      for (int i = 0; i < 200 && server.stats().queuedDeliveries() <= 50; i++) {
        api.post(EVENTS, JAM_EVENT);
      }
      assertThat(server.stats().queuedDeliveries()).isGreaterThan(50);
      // More publishes at once than may wait (100): the ones over the bound are refused without waiting.
      int publishes = 150;
      java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(publishes);
      try {
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < publishes; i++) {
          answers.add(senders.submit(() -> {
            go.await();
            return api.post(EVENTS, JAM_EVENT);
          }));
        }
        go.countDown();
        int refusedAtOnce = 0;
        for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
          HttpResponse<String> response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
          if (response.body().contains("are already waiting")) {
            assertThat(response.statusCode()).isEqualTo(429);
            refusedAtOnce++;
          }
        }
        assertThat(refusedAtOnce).isPositive();
      } finally {
        senders.shutdownNow();
      }
    }
  }

  @Test
  void stalledReaderIsClosedWithoutHoldingPublishersBack() throws Exception {
    Limits limits = smallBacklogLargeOutboxes();
    try (LocalServer server = LocalServer.builder().port(0).limits(limits).build().start();
        RawWebSocket stalled = RawWebSocket.connect(server)) {
      subscribeToJam(server, stalled);
      RawApi api = new RawApi(server);
      String body = JAM_EVENT;
      int refused = 0;
      for (int i = 0; i < 3000 && server.stats().closedOverCapacity() == 0; i++) {
        if (api.post(EVENTS, body).statusCode() == 429) {
          refused++;
        }
      }
      // It took nothing for the stall grace: its messages left the active backlog (publishes went
      // on) for the stalled one, which held 50 at most; it was closed, its backlog dropped.
      assertThat(server.stats().closedOverCapacity()).isEqualTo(1);
      assertThat(refused).as("429s while it stalled").isZero();
      assertThat(api.post(EVENTS, body).statusCode()).isEqualTo(200);
      assertThat(stalled.drainUntilClosed()).isTrue();
    }
  }

  @Test
  void closingAClientThatStopsReadingReleasesItsBacklog() throws Exception {
    Limits limits = smallBacklogLargeOutboxes();
    try (LocalServer server = LocalServer.builder().port(0).limits(limits).userAuthentication(true).ticker(() -> 0L)
        .build().start();
        RawWebSocket stalled = RawWebSocket.connect(server)) {
      subscribeToJam(server, stalled);
      RawApi api = new RawApi(server);
      String body = JAM_EVENT;
      for (int i = 0; i < 200 && server.stats().queuedDeliveries() <= 50; i++) {
        api.post(EVENTS, body);
      }
      assertThat(server.stats().queuedDeliveries()).isGreaterThan(50);
      // A sign-in without data: the server closes with 4009 (not the 4100 path), its queue unread.
      stalled.sendText("{\"event\":\"pusher:signin\",\"data\":{}}");
      stalled.flush();
      // Well before Jetty's idle timeout (5 min with the default timings).
      Await.until("the backlog is released", () -> server.stats().queuedDeliveries() == 0, Duration.ofSeconds(10));
      assertThat(api.post(EVENTS, body).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void pingsFromAClientThatStopsReadingQueueOnePongAtATime() throws Exception {
    Limits limits = Limits.builder().maxPendingBytesPerConnection(64 * 1024 * 1024)
        .maxPendingMessagesPerConnection(100_000).build();
    try (LocalServer server = LocalServer.builder().port(0).limits(limits).build().start();
        RawWebSocket stalled = RawWebSocket.connect(server)) {
      subscribeToJam(server, stalled);
      RawApi api = new RawApi(server);
      String body = JAM_EVENT;
      // Far more than the socket buffers hold: the server's writes to this client are stuck.
      for (int i = 0; i < 100; i++) {
        api.post(EVENTS, body);
      }
      assertThat(server.stats().queuedDeliveries()).isPositive();
      int pings = 1000;
      for (int i = 0; i < pings; i++) {
        stalled.sendPing(new byte[] {(byte) i});
      }
      // Frames are handled in order: once this subscription exists, every ping has been answered or
      // not, all while nothing could be written. Its confirmation comes after the queued events.
      stalled.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"end\"}}");
      stalled.flush();
      Await.until("the subscription to end exists",
          () -> server.app().subscriptionCount("end") == 1, Duration.ofSeconds(5));
      int pongs = 0;
      for (RawWebSocket.Frame frame = stalled.readFrame(); !isSubscribed(frame, "end"); frame = stalled.readFrame()) {
        if (frame.opcode() == 0xA) {
          pongs++;
        }
      }
      assertThat(pongs).isEqualTo(1);
    }
  }

  private static boolean isSubscribed(RawWebSocket.Frame frame, String channel) {
    String text = frame.text();
    return text.contains("pusher_internal:subscription_succeeded") && text.contains("\"" + channel + "\"");
  }

  /**
   * A server whose ticker never moves: the stall grace never passes, so a subscriber that reads
   * nothing stands for one that reads, slowly: its backlog counts for backpressure.
   */
  private static LocalServer slowReaderServer(Limits limits) {
    return LocalServer.builder().port(0).limits(limits).ticker(() -> 0L).build().start();
  }

  /** A 10 KB event on channel "jam". */
  private static final String JAM_EVENT = "{\"name\":\"e\",\"channel\":\"jam\",\"data\":\"" + "j".repeat(10_000) + "\"}";

  /** A server-wide backlog of 50 messages, reached long before any one connection's own limits. */
  private static Limits smallBacklogLargeOutboxes() {
    return Limits.builder().maxQueuedDeliveries(50).maxPendingBytesPerConnection(64 * 1024 * 1024)
        .maxPendingMessagesPerConnection(100_000).build();
  }

  /** Subscribes the raw socket (which then reads nothing) to "jam". */
  private static void subscribeToJam(LocalServer server, RawWebSocket stalled) throws Exception {
    stalled.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"jam\"}}");
    stalled.flush();
    Await.until("the raw socket is subscribed to jam",
        () -> server.app().subscriptionCount("jam") == 1, Duration.ofSeconds(5));
  }
}
