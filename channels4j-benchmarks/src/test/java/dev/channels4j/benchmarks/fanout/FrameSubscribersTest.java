package dev.channels4j.benchmarks.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.local.LocalServer;
import dev.channels4j.testsupport.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The benchmark's own frame reader against the local server: it must count what a WebSocket client would. */
@Timeout(30)
class FrameSubscribersTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void countsEachStampedEventOncePerSubscriberOfItsChannel() throws Exception {
    try (LocalServer server = LocalServer.builder().port(0).build().start();
        ChannelsClient client = server.newClient();
        FrameSubscribers subscribers = new FrameSubscribers()) {
      subscribers.open(server.webSocketUri(), 6, i -> "fanout-" + (i % 2));
      subscribers.record(10);

      client.triggerBatch(List.of(Event.of("fanout-0", "tick", "t=" + System.nanoTime()),
          Event.of("fanout-1", "tick", "no stamp")));

      Await.until("the 3 subscribers of fanout-0 received its event", () -> subscribers.received() == 3, WAIT);
      assertThat(subscribers.latenciesNanos()).hasSize(3);
      assertThat(java.util.Arrays.stream(subscribers.latenciesNanos()).min().getAsLong()).isPositive();
      assertThat(subscribers.closedByServer()).isZero();
    }
  }

  @Test
  void countsAConnectionTheServerClosesAsClosedByServer() throws Exception {
    try (LocalServer server = LocalServer.builder().port(0).build().start();
        FrameSubscribers subscribers = new FrameSubscribers()) {
      subscribers.open(server.webSocketUri(), 2, i -> "fanout-0");

      server.faults().dropConnections(4200);

      Await.until("both connections were seen closed", () -> subscribers.closedByServer() == 2, WAIT);
    }
  }
}
