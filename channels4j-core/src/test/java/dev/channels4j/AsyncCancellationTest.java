package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.spi.Transport;
import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import dev.channels4j.testsupport.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Giving up on an {@link AsyncChannelsClient} future gives up on its request too. */
class AsyncCancellationTest {

  /** Answers each request with the future {@code answer} makes, and keeps them. */
  private static final class HeldTransport implements Transport {
    final List<CompletableFuture<TransportResponse>> sent = new CopyOnWriteArrayList<>();
    final List<TransportRequest> requests = new CopyOnWriteArrayList<>();
    private final Supplier<CompletableFuture<TransportResponse>> answer;

    HeldTransport(Supplier<CompletableFuture<TransportResponse>> answer) {
      this.answer = answer;
    }

    @Override
    public CompletableFuture<TransportResponse> send(TransportRequest request) {
      CompletableFuture<TransportResponse> future = answer.get();
      sent.add(future);
      requests.add(request);
      return future;
    }
  }

  private static ChannelsClient clientWith(Transport transport) {
    return ChannelsClient.builder().appId("3").key("key").secret("secret").host("127.0.0.1").useTls(false)
        .timeout(Duration.ofSeconds(30))
        .retryPolicy(TestClients.fastRetries(3))
        .transport(transport)
        .build();
  }

  @Test
  void cancellingTheFutureCancelsTheRequestInFlight() {
    HeldTransport transport = new HeldTransport(CompletableFuture::new);
    try (ChannelsClient client = clientWith(transport)) {
      CompletableFuture<ChannelList> query = client.async().channels();

      query.cancel(true);

      assertThat(transport.sent).hasSize(1);
      assertThat(transport.sent.get(0)).isCancelled();
    }
  }

  @Test
  void anOrTimeoutOnTheFutureCancelsTheRequestInFlight() throws Exception {
    HeldTransport transport = new HeldTransport(CompletableFuture::new);
    try (ChannelsClient client = clientWith(transport)) {
      client.async().channels().orTimeout(10, TimeUnit.MILLISECONDS);

      CompletableFuture<TransportResponse> inFlight = transport.sent.get(0);
      Throwable ended = inFlight.handle((response, failure) -> failure).get(10, TimeUnit.SECONDS);
      assertThat(ended).isInstanceOf(CancellationException.class);
    }
  }

  @Test
  void cancellingTheFutureWhileItWaitsToRetryStartsNoFurtherAttempt() {
    // 503 with Retry-After: 1 at once: when a query returns, it already waits 1 s to retry, far
    // longer than the cancel below takes on a loaded machine. (A jittered 0-5 ms backoff could send
    // the retry before the cancel, and did under CI load.)
    HeldTransport transport = new HeldTransport(() -> CompletableFuture.completedFuture(
        new TransportResponse(503, Map.of("Retry-After", List.of("1")), "busy".getBytes(StandardCharsets.UTF_8))));
    RetryPolicy slowRetries = RetryPolicy.builder().maxAttempts(3).maxBackoff(Duration.ofSeconds(2)).build();
    try (ChannelsClient client = ChannelsClient.builder().appId("3").key("key").secret("secret")
        .host("127.0.0.1").useTls(false).retryPolicy(slowRetries).transport(transport).build()) {
      CompletableFuture<ChannelList> query = client.async().channels();

      query.cancel(true);
      // A witness asks for the same wait after the cancel. Retry waits end in deadline order (one
      // timer thread), so once the witness has retried, the cancelled query's retry was due before.
      client.async().channel("witness");
      Await.until("the witness query retried", () -> sentTo(transport, "/channels/witness") == 2,
          Duration.ofSeconds(20));

      assertThat(sentTo(transport, "/channels?")).isEqualTo(1);
    }
  }

  private static long sentTo(HeldTransport transport, String path) {
    return transport.requests.stream().filter(request -> request.target().contains(path)).count();
  }
}
