package dev.channels4j.internal.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.Event;
import dev.channels4j.PublisherOptions;
import dev.channels4j.PublisherOptions.Ordering;
import dev.channels4j.RetryPolicy;
import dev.channels4j.internal.api.ClientSettings;
import dev.channels4j.internal.api.Dispatcher;
import dev.channels4j.internal.api.Requests;
import dev.channels4j.spi.JacksonJsonCodecs;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shell around the lanes and the window, on a hand-driven ticker and a transport that holds answers. */
class BatchingPublisherTest {
  private final ManualTime time = new ManualTime();
  private final HeldTransport transport = new HeldTransport();
  private BatchingPublisher publisher;

  @AfterEach
  void tearDown() {
    if (publisher != null) {
      publisher.abort("the test ended");
    }
  }

  private BatchingPublisher publisher(PublisherOptions.Builder options) {
    ClientSettings settings = new ClientSettings("1", "key", "secret", URI.create("http://127.0.0.1:1"),
        Duration.ofSeconds(5), 10240, 10, JacksonJsonCodecs.defaults(), transport, Clock.systemUTC(),
        RetryPolicy.none(), null);
    publisher = new BatchingPublisher(new Requests(settings), new Dispatcher(settings), options.build(), time, () -> {});
    return publisher;
  }

  private void publish(int events, int channels) {
    for (int i = 0; i < events; i++) {
      publisher.publish(Event.of("c-" + (i % channels), "e", Integer.toString(i)));
    }
  }

  @Test
  void aPartialBatchWaitsForTheLingerAndGoesOnceItHasPassed() {
    publisher(PublisherOptions.builder().linger(Duration.ofMillis(5)));
    publish(3, 3);

    time.advance(Duration.ofMillis(4));
    assertThat(transport.sent()).isEmpty();

    time.advance(Duration.ofMillis(1));
    assertThat(transport.sent()).hasSize(1);
    assertThat(transport.sent().get(0).events()).hasSize(3);
  }

  @Test
  void aFullBatchGoesWithoutWaitingForTheLinger() {
    publisher(PublisherOptions.builder().linger(Duration.ofSeconds(10)));

    publish(10, 10);

    assertThat(transport.sent()).hasSize(1);
  }

  @Test
  void noMoreRequestsThanTheWindowAreInFlight() {
    publisher(PublisherOptions.builder().linger(Duration.ZERO).minInFlightRequests(3).maxInFlightRequests(3));

    publish(50, 50);

    assertThat(transport.sent()).hasSize(3);
    assertThat(publisher.stats().inFlightRequests()).isEqualTo(3);
    assertThat(publisher.stats().inFlightLimit()).isEqualTo(3);
  }

  @Test
  void theWindowGrowsWhileAnswersComeBackAsFastAsBefore() {
    publisher(PublisherOptions.builder().linger(Duration.ZERO));
    publish(5000, 500);
    assertThat(publisher.stats().inFlightRequests()).isEqualTo(16);

    time.advance(Duration.ofMillis(80));
    transport.answerAll(200);

    int window = publisher.stats().inFlightLimit();
    assertThat(window).isGreaterThan(16);
    assertThat(publisher.stats().inFlightRequests()).isEqualTo(window);
  }

  @Test
  void theWindowStopsAtItsCeiling() {
    publisher(PublisherOptions.builder().linger(Duration.ZERO).maxInFlightRequests(40));
    publish(5000, 500);

    for (int i = 0; i < 4; i++) {
      time.advance(Duration.ofMillis(80));
      transport.answerAll(200);
    }

    assertThat(publisher.stats().inFlightLimit()).isEqualTo(40);
    assertThat(publisher.stats().inFlightRequests()).isEqualTo(40);
  }

  @Test
  void theWindowHalvesWhenTheServerAnswers503() {
    publisher(PublisherOptions.builder().linger(Duration.ZERO));
    publish(5000, 500);
    time.advance(Duration.ofMillis(80));
    transport.answerAll(200);
    time.advance(Duration.ofMillis(80));
    transport.answerAll(200);
    int grown = publisher.stats().inFlightLimit();
    assertThat(grown).isGreaterThan(32);

    time.advance(Duration.ofMillis(80));
    transport.answerAll(503);

    assertThat(publisher.stats().inFlightLimit()).isEqualTo(grown / 2);
  }

  @Test
  void theWindowShrinksWhenAnswersSlowDown() {
    publisher(PublisherOptions.builder().linger(Duration.ZERO));
    publish(5000, 500);
    time.advance(Duration.ofMillis(80));
    transport.answerAll(200);
    assertThat(publisher.stats().inFlightLimit()).isGreaterThan(16);

    time.advance(Duration.ofMillis(400));
    transport.answerAll(200);

    assertThat(publisher.stats().inFlightLimit()).isEqualTo(16);
  }

  @Test
  void perChannelOrderingKeepsOneRequestOfAChannelInFlight() {
    publisher(PublisherOptions.builder().linger(Duration.ofMillis(5)));
    publish(50, 1);

    time.advance(Duration.ofMillis(5));

    assertThat(transport.sent()).hasSize(1);
  }

  @Test
  void withoutOrderingAHotChannelHasSeveralRequestsInFlight() {
    publisher(PublisherOptions.builder().linger(Duration.ofMillis(5)).ordering(Ordering.NONE));
    publish(50, 1);

    time.advance(Duration.ofMillis(5));

    assertThat(transport.sent()).hasSize(5).allSatisfy(request -> assertThat(request.channels()).containsOnly("c-0"));
  }

  @Test
  void closingCancelsTheLingerTimer() {
    publisher(PublisherOptions.builder().linger(Duration.ofSeconds(1)));
    publish(1, 1);
    assertThat(time.scheduled()).isEqualTo(1);

    publisher.abort("closing");

    assertThat(time.scheduled()).isZero();
  }
}
