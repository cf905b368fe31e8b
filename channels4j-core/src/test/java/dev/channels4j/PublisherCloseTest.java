package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.internal.api.Dispatcher;
import dev.channels4j.testing.FaultServer;
import dev.channels4j.testing.FaultServer.Fault;
import dev.channels4j.testsupport.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Publisher#close(Duration)}: bounded, and what it could not deliver fails with a reason. */
class PublisherCloseTest {

  @Test
  void closeAgainstAHangingServerReturnsAtItsDeadlineAndFailsEveryUndeliveredEvent() throws Exception {
    List<CompletableFuture<ChannelCounts>> futures = new ArrayList<>();
    List<AtomicInteger> completions = new ArrayList<>();
    long closeNanos;
    try (FaultServer server = FaultServer.start(Fault.STALL_BEFORE_HEADERS);
        ChannelsClient client = FaultInjectionTest.clientFor(server).timeout(Duration.ofSeconds(5)).build()) {
      // A long linger: the first request goes when a full batch of 10 is ready, whatever the machine's speed.
      Publisher publisher = client.publisher(PublisherOptions.builder().linger(Duration.ofSeconds(1)).build());
      for (int i = 0; i < 100; i++) {
        CompletableFuture<ChannelCounts> future = publisher.publish(Event.of("orders", "created", "{\"n\":" + i + "}"));
        AtomicInteger count = new AtomicInteger();
        future.whenComplete((r, e) -> count.incrementAndGet());
        futures.add(future);
        completions.add(count);
      }

      long started = System.nanoTime();
      publisher.close(Duration.ofMillis(300));
      closeNanos = System.nanoTime() - started;
    }

    // One request per channel is in flight: before the fix this close took 10 x 5 s.
    assertThat(Duration.ofNanos(closeNanos)).isLessThan(Duration.ofSeconds(3));
    List<Throwable> errors = futures.stream().map(f -> f.handle((r, e) -> Dispatcher.unwrap(e)).join()).toList();
    assertThat(errors).filteredOn(e -> e instanceof TransportException t && t.kind() == TransportException.Kind.TIMEOUT)
        .hasSize(10)
        .allSatisfy(e -> assertThat(e).hasMessageContaining("may or may not have been published"));
    assertThat(errors).filteredOn(e -> e instanceof PublishRejectedException p && p.reason() == PublishRejectedException.Reason.CLOSED)
        .hasSize(90)
        .allSatisfy(e -> assertThat(e).hasMessageContaining("deadline passed"));
    assertThat(completions).allSatisfy(c -> assertThat(c).hasValue(1));
  }

  @Test
  void statsCountEachEventOnceWhenCloseFailsItsRequestInFlightAndTheAnswerComesLater() throws Exception {
    Publisher publisher;
    try (FaultServer server = FaultServer.start(Fault.TRICKLE);
        ChannelsClient client = FaultInjectionTest.clientFor(server).timeout(Duration.ofSeconds(1)).build()) {
      publisher = client.publisher();
      CompletableFuture<ChannelCounts> future = publisher.publish(Event.of("orders", "created", "{}"));
      ClientCloseTest.awaitRequests(server, 1);

      publisher.close(Duration.ofMillis(100));
      assertThat(future).isCompletedExceptionally();
      // The request itself ends later, at its own 1 s timeout.
      Await.until("the request in flight ended", () -> publisher.stats().inFlightRequests() == 0, Duration.ofSeconds(5));

      assertThat(publisher.stats()).isEqualTo(new PublisherStats(0, 0, 16, 0, 1));
    }
  }

  @Test
  void closeWithTimeToSpareDeliversEverything() {
    try (FaultServer server = FaultServer.start(Fault.OK);
        ChannelsClient client = FaultInjectionTest.clientFor(server).build()) {
      Publisher publisher = client.publisher();
      List<CompletableFuture<ChannelCounts>> futures = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        futures.add(publisher.publish(Event.of("orders-" + (i % 7), "created", "{}")));
      }

      publisher.close(Duration.ofSeconds(30));

      assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted());
    }
  }

  @Test
  void aZeroCloseFailsEverythingQueuedAtOnce() {
    try (FaultServer server = FaultServer.start(Fault.OK);
        ChannelsClient client = FaultInjectionTest.clientFor(server).build()) {
      Publisher publisher = client.publisher(PublisherOptions.builder().linger(Duration.ofSeconds(10)).build());
      CompletableFuture<ChannelCounts> future = publisher.publish(Event.of("orders", "created", "{}"));

      publisher.close(Duration.ZERO);

      assertThat(future.handle((r, e) -> Dispatcher.unwrap(e)).join())
          .isInstanceOf(PublishRejectedException.class);
    }
  }

  @Test
  void aNegativeCloseTimeoutIsRefused() {
    try (FaultServer server = FaultServer.start(Fault.OK);
        ChannelsClient client = FaultInjectionTest.clientFor(server).build()) {
      Publisher publisher = client.publisher();

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> publisher.close(Duration.ofSeconds(-1)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("close timeout");
      publisher.close();
    }
  }
}
