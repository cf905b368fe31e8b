package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.testsupport.Await;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 4: a swarm of subscribers that never read, renewed while it is closed, costs only
 * its own deliveries; publishers of other channels are never held back by it.
 */
class StalledSwarmTest {
  private static final String EVENTS = "/apps/app-id/events";
  private static final String BUSY_EVENT = "{\"name\":\"e\",\"channel\":\"busy\",\"data\":\"" + "b".repeat(10_000) + "\"}";
  private static final int ROUNDS = 6;
  private static final int SWARM_PER_ROUND = 10;
  private static final int QUIET_PER_ROUND = 5;

  @Test
  void stalledSwarmOnOneChannelNeitherRefusesNorLosesPublishesToAnother() throws Exception {
    // A small server-wide backlog the swarm alone could fill many times over; outboxes large enough
    // that no single stalled connection hits its own limit.
    Limits limits = Limits.builder().maxQueuedDeliveries(200).maxPendingBytesPerConnection(64 * 1024 * 1024)
        .maxPendingMessagesPerConnection(100_000).build();
    List<RawWebSocket> swarm = new ArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    try (LocalServer server = LocalServer.builder().port(0).limits(limits).build().start();
        Peer reader = Peer.connect(server)) {
      reader.subscribe("quiet");
      RawApi api = new RawApi(server);
      Thread busyPublisher = new Thread(() -> {
        while (!stop.get()) {
          api.post(EVENTS, BUSY_EVENT);
        }
      }, "busy-publisher");
      busyPublisher.start();
      List<Integer> quietStatuses = new ArrayList<>();
      try {
        for (int round = 0; round < ROUNDS; round++) {
          // New stalled subscribers join as the earlier ones are closed, as in the attack.
          for (int i = 0; i < SWARM_PER_ROUND; i++) {
            RawWebSocket stalled = RawWebSocket.connect(server);
            swarm.add(stalled);
            stalled.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"busy\"}}");
            stalled.flush();
          }
          Await.until("a stalled subscriber is subscribed to busy", () -> server.app().subscriptionCount("busy") > 0,
              Duration.ofSeconds(10));
          for (int i = 0; i < QUIET_PER_ROUND; i++) {
            HttpResponse<String> answer = api.post(EVENTS,
                "{\"name\":\"tick\",\"channel\":\"quiet\",\"data\":\"" + round + "-" + i + "\"}");
            quietStatuses.add(answer.statusCode());
          }
        }
      } finally {
        stop.set(true);
        busyPublisher.join(30_000);
      }
      assertThat(quietStatuses).as("statuses of the publishes to the channel without stalled readers")
          .hasSize(ROUNDS * QUIET_PER_ROUND).containsOnly(200);
      assertThat(reader.awaitEvents("quiet", "tick", ROUNDS * QUIET_PER_ROUND)).hasSize(ROUNDS * QUIET_PER_ROUND);
      assertThat(server.stats().closedOverCapacity()).as("stalled subscribers closed").isPositive();
    } finally {
      for (RawWebSocket stalled : swarm) {
        try {
          stalled.close();
        } catch (IOException ignored) {
          // already reset by the server
        }
      }
    }
  }
}
