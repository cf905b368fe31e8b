package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.internal.api.Dispatcher;
import dev.channels4j.testing.FaultServer;
import dev.channels4j.testing.FaultServer.Fault;
import dev.channels4j.testsupport.Await;
import dev.channels4j.testsupport.Threads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link ChannelsClient#close()}: prompt, quiet, and it takes its publishers down with it. */
class ClientCloseTest {
  private static final Path LOG = Path.of("target", "channels4j-core-test.log");

  private static ChannelsClient.Builder clientFor(FaultServer server) {
    return FaultInjectionTest.clientFor(server).timeout(Duration.ofSeconds(30));
  }

  @Test
  void closeWithRequestsInFlightReturnsWellBeforeTheirTimeoutAndFailsThem() throws Exception {
    List<CompletableFuture<TriggerResult>> inFlight = new ArrayList<>();
    long closeNanos;
    try (FaultServer server = FaultServer.start(Fault.STALL_BEFORE_HEADERS)) {
      ChannelsClient client = clientFor(server).build();
      for (int i = 0; i < 5; i++) {
        inFlight.add(client.async().trigger("orders", "created", "{}"));
      }
      awaitRequests(server, 5);

      long started = System.nanoTime();
      client.close();
      closeNanos = System.nanoTime() - started;
    }

    // Before the fix, close() waited 5 s for HttpClient's graceful shutdown.
    assertThat(Duration.ofNanos(closeNanos)).isLessThan(Duration.ofSeconds(2));
    assertThat(inFlight).allSatisfy(future -> {
      assertThat(future).isCompletedExceptionally();
      assertThat(future.handle((r, e) -> Dispatcher.unwrap(e)).join()).isInstanceOf(TransportException.class);
    });
  }

  @Test
  void closeWhileAPublisherIsBusyLogsNoErrorFromTheHttpClient() throws Exception {
    long logBefore = Files.exists(LOG) ? Files.size(LOG) : 0;
    AtomicBoolean stop = new AtomicBoolean();
    // The server takes every request and never answers: the publisher's requests are all in flight.
    try (FaultServer server = FaultServer.start(Fault.STALL_BEFORE_HEADERS)) {
      ChannelsClient client = clientFor(server).build();
      Publisher publisher = client.publisher(PublisherOptions.builder().linger(Duration.ZERO)
          .backpressure(PublisherOptions.Backpressure.FAIL_FAST).build());
      Thread publishing = new Thread(() -> {
        while (!stop.get()) {
          publisher.publish(Event.of("orders-" + (System.nanoTime() % 50), "created", "{}"));
        }
      }, "busy-publishing");
      publishing.start();
      awaitRequests(server, 16);

      client.close();
      stop.set(true);
      publishing.join(5000);
    }

    String written = new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8).substring((int) logBefore);
    assertThat(written).doesNotContain("ERROR").doesNotContain("ClosedSelectorException").doesNotContain("\tat ");
  }

  @Test
  void closingTheClientFailsWhatItsUnclosedPublishersHoldAndStopsTheirThreads() throws Exception {
    List<CompletableFuture<ChannelCounts>> futures = new ArrayList<>();
    try (FaultServer server = FaultServer.start(Fault.OK)) {
      ChannelsClient client = clientFor(server).build();
      for (int i = 0; i < 50; i++) {
        // A long linger keeps each event queued: only closing the client can end it.
        Publisher publisher = client.publisher(PublisherOptions.builder().linger(Duration.ofSeconds(10)).build());
        futures.add(publisher.publish(Event.of("orders", "created", "{}")));
      }
      assertThat(lingerThreads()).isEqualTo(50);

      client.close();
    }

    assertThat(futures).allSatisfy(future -> {
      Throwable error = future.handle((r, e) -> Dispatcher.unwrap(e)).get(5, TimeUnit.SECONDS);
      assertThat(error).isInstanceOf(PublishRejectedException.class).hasMessageContaining("client was closed");
      assertThat(((PublishRejectedException) error).reason()).isEqualTo(PublishRejectedException.Reason.CLOSED);
    });
    Await.until("every linger thread ends", () -> lingerThreads() == 0, Duration.ofSeconds(5));
  }

  @Test
  void aPublisherOfAClosedClientRejectsEvents() {
    try (FaultServer server = FaultServer.start(Fault.OK)) {
      ChannelsClient client = clientFor(server).build();
      Publisher publisher = client.publisher();
      client.close();

      assertThat(publisher.publish(Event.of("orders", "created", "{}")))
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableThat()
          .havingCause()
          .isInstanceOf(PublishRejectedException.class);
    }
  }

  @Test
  void closeFailsAnAsyncQueryInFlightWithTheClosedMessageInsteadOfRetryingIt() throws Exception {
    // A retry would meet the stopped pool and report that ("Connection pool shut down") instead.
    assertThat(failureOfAsyncQueryInFlightAtClose()).isInstanceOf(TransportException.class)
        .hasMessageContaining("the client was closed before the response arrived");
  }

  @Test
  void aRequestFailedByCloseSaysSoAndIsNotWorthRetrying() throws Exception {
    TransportException closed = (TransportException) failureOfAsyncQueryInFlightAtClose();
    assertThat(closed.kind()).isEqualTo(TransportException.Kind.CLOSED);
    assertThat(closed.isRetryable()).isFalse();
  }

  /** What an async query in flight (its server stalls) fails with when the client is closed. */
  private static Throwable failureOfAsyncQueryInFlightAtClose() throws Exception {
    try (FaultServer server = FaultServer.start(Fault.STALL_BEFORE_HEADERS)) {
      ChannelsClient client = clientFor(server).retryPolicy(TestClients.fastRetries(3)).build();
      CompletableFuture<ChannelList> query = client.async().channels();
      awaitRequests(server, 1);

      client.close();

      return failureOf(query);
    }
  }

  @Test
  void closeFailsABlockingQueryInFlightWithTheClosedMessageInsteadOfRetryingIt() throws Exception {
    try (FaultServer server = FaultServer.start(Fault.STALL_BEFORE_HEADERS)) {
      ChannelsClient client = clientFor(server).retryPolicy(TestClients.fastRetries(3)).build();
      CompletableFuture<Throwable> thrown = blockingQuery(client);
      awaitRequests(server, 1);

      client.close();

      assertThat(thrown.get(20, TimeUnit.SECONDS)).isInstanceOf(TransportException.class)
          .hasMessageContaining("the client was closed before the response arrived");
    }
  }

  @Test
  void closeFailsAnAsyncQueryWaitingToRetryAtOnce() throws Exception {
    // The server asks for 7 s before the retry (Retry-After: 7), which the policy allows.
    try (FaultServer server = FaultServer.start(Fault.HTTP_503_RETRY_AFTER)) {
      CountDownLatch answered = new CountDownLatch(1);
      ChannelsClient client = clientFor(server).retryPolicy(patientRetries()).requestListener(attemptEnded(answered))
          .build();
      CompletableFuture<ChannelList> query = client.async().channels();
      // The listener hears of the 503 just before the query starts its wait: it is then waiting to retry.
      assertThat(answered.await(20, TimeUnit.SECONDS)).isTrue();

      client.close();

      // Within 5 s: well before the retry was due, so it was close() that failed the query.
      assertThat(query).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause()
          .isInstanceOf(TransportException.class)
          .withMessageContaining("the client was closed before the response arrived");
    }
  }

  @Test
  void closeFailsABlockingQueryWaitingToRetryAtOnce() throws Exception {
    try (FaultServer server = FaultServer.start(Fault.HTTP_503_RETRY_AFTER)) {
      CountDownLatch answered = new CountDownLatch(1);
      ChannelsClient client = clientFor(server).retryPolicy(patientRetries()).requestListener(attemptEnded(answered))
          .build();
      CompletableFuture<Throwable> thrown = blockingQuery(client);
      assertThat(answered.await(20, TimeUnit.SECONDS)).isTrue();

      client.close();

      // Within 5 s: well before the 7 s retry was due.
      assertThat(thrown.get(5, TimeUnit.SECONDS)).isInstanceOf(TransportException.class)
          .hasMessageContaining("the client was closed before the response arrived");
    }
  }

  /**
   * Counts {@code answered} down when an attempt ends: the dispatcher reports the attempt, then
   * decides to wait and retry, and a close() from then on fails the wait whichever comes first.
   */
  private static RequestListener attemptEnded(CountDownLatch answered) {
    return event -> answered.countDown();
  }

  /** Retries that wait as long as the server asks, up to 30 s. */
  private static RetryPolicy patientRetries() {
    return RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofSeconds(30)).build();
  }

  /** Runs {@code client.channels()} on a thread of its own; completes with what it threw. */
  private static CompletableFuture<Throwable> blockingQuery(ChannelsClient client) {
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        client.channels();
        thrown.complete(null);
      } catch (Throwable t) {
        thrown.complete(t);
      }
    }, "blocking-query");
    caller.setDaemon(true);
    caller.start();
    return thrown;
  }

  private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    return future.handle((r, e) -> Dispatcher.unwrap(e)).get(20, TimeUnit.SECONDS);
  }

  private static long lingerThreads() {
    return Threads.alive("channels4j-publisher-linger");
  }

  static void awaitRequests(FaultServer server, int count) {
    Await.until(count + " requests reach the server", () -> server.requests() >= count, Duration.ofSeconds(10));
  }
}
