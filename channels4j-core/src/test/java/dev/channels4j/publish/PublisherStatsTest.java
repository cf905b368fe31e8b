package dev.channels4j.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelCounts;
import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.Publisher;
import dev.channels4j.PublisherOptions;
import dev.channels4j.PublisherStats;
import dev.channels4j.spi.TransportResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Publisher.stats(): queued events, requests in flight, events sent and failed. */
class PublisherStatsTest {
  private ChannelsClient client;

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
  }

  private Publisher publisher(PublisherTestTransport transport, PublisherOptions options) {
    client = ChannelsClient.builder()
        .appId("1").key("key").secret("secret")
        .host("127.0.0.1").port(6001).useTls(false)
        .transport(transport)
        .build();
    return client.publisher(options);
  }

  private static PublisherOptions lingering() {
    return PublisherOptions.builder().linger(Duration.ofSeconds(10)).build();
  }

  private static PublisherOptions immediate() {
    return PublisherOptions.builder().linger(Duration.ZERO).build();
  }

  @Test
  void aNewPublisherCountsNothing() {
    Publisher publisher = publisher(new PublisherTestTransport(PublisherTestTransport.OK), lingering());

    assertThat(publisher.stats()).isEqualTo(new PublisherStats(0, 0, 16, 0, 0));
  }

  @Test
  void eventsWaitingForTheLingerAreQueued() {
    Publisher publisher = publisher(new PublisherTestTransport(PublisherTestTransport.OK), lingering());
    for (int i = 0; i < 3; i++) {
      publisher.publish(Event.of("a", "e", "d"));
    }

    assertThat(publisher.stats()).isEqualTo(new PublisherStats(3, 0, 16, 0, 0));
  }

  @Test
  void anUnansweredRequestIsInFlightAndItsEventsCountAsSentOnceAnswered() {
    List<CompletableFuture<TransportResponse>> answers = new CopyOnWriteArrayList<>();
    PublisherTestTransport transport = new PublisherTestTransport((index, events) -> {
      CompletableFuture<TransportResponse> answer = new CompletableFuture<>();
      answers.add(answer);
      return answer;
    });
    Publisher publisher = publisher(transport, immediate());
    CompletableFuture<ChannelCounts> first = publisher.publish(Event.of("a", "e", "1"));

    assertThat(publisher.stats()).isEqualTo(new PublisherStats(0, 1, 16, 0, 0));

    CompletableFuture<ChannelCounts> second = publisher.publish(Event.of("a", "e", "2"));
    // The channel's second event waits for the first request: queued, not in flight.
    assertThat(publisher.stats()).isEqualTo(new PublisherStats(1, 1, 16, 0, 0));

    answers.get(0).complete(PublisherTestTransport.ok());
    assertThat(first).isCompleted();
    assertThat(publisher.stats()).isEqualTo(new PublisherStats(0, 1, 16, 1, 0));

    answers.get(1).complete(PublisherTestTransport.ok());
    assertThat(second).isCompleted();
    assertThat(publisher.stats()).isEqualTo(new PublisherStats(0, 0, 16, 2, 0));
  }

  @Test
  void everyEventOfAFailedRequestCountsAsFailed() {
    PublisherTestTransport transport = new PublisherTestTransport(
        (index, events) -> CompletableFuture.completedFuture(PublisherTestTransport.status(500, "boom")));
    Publisher publisher = publisher(transport, lingering());
    for (int i = 0; i < 4; i++) {
      publisher.publish(Event.of("c" + i, "e", "d"));
    }
    publisher.flush();

    assertThat(publisher.stats()).isEqualTo(new PublisherStats(0, 0, 16, 0, 4));
  }

  @Test
  void eventsRefusedByPublishCountAsFailed() {
    Publisher publisher = publisher(new PublisherTestTransport(PublisherTestTransport.OK),
        PublisherOptions.builder().linger(Duration.ofSeconds(10)).queueCapacity(1)
            .backpressure(PublisherOptions.Backpressure.FAIL_FAST).build());

    publisher.publish(Event.of("bad channel!", "e", "d"));   // invalid
    publisher.publish(Event.of("a", "e", "d"));              // queued
    publisher.publish(Event.of("b", "e", "d"));              // queue full
    assertThat(publisher.stats()).isEqualTo(new PublisherStats(1, 0, 16, 0, 2));

    publisher.close();
    publisher.publish(Event.of("c", "e", "d"));              // closed
    assertThat(publisher.stats()).isEqualTo(new PublisherStats(0, 0, 16, 1, 3));
  }

  @Test
  void countsAddUpWhenManyThreadsPublishAndReadStats() throws Exception {
    Publisher publisher = publisher(new PublisherTestTransport(PublisherTestTransport.OK), immediate());
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(threads.submit(() -> {
          for (int i = 0; i < 250; i++) {
            publisher.publish(Event.of(i % 10 == 0 ? "bad channel!" : "c" + thread, "e", "d"));
            PublisherStats stats = publisher.stats();
            assertThat(stats.queuedEvents()).isBetween(0, 1000);
            assertThat(stats.inFlightRequests()).isBetween(0, 1000);
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdownNow();
    }
    publisher.close();

    PublisherStats stats = publisher.stats();
    assertThat(stats.eventsSent()).isEqualTo(900);
    assertThat(stats.eventsFailed()).isEqualTo(100);
    assertThat(stats.queuedEvents()).isZero();
  }
}
