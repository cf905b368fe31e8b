package dev.channels4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.spi.TransportResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The resend after HttpClient's RequestNotExecutedException stays within the first exchange's
 * bounds. Driven through {@link ApacheTransport#resendFor} directly: that exception comes from a
 * race inside HttpClient's connection reuse no test server can trigger on demand.
 */
class ApacheTransportResendTest {
  private static final TransportResponse OK = new TransportResponse(200, new byte[0]);

  @Test
  void noResendStartsWhenTheResultIsAlreadyDone() {
    CompletableFuture<TransportResponse> result = new CompletableFuture<>();
    result.completeExceptionally(new TimeoutException("no complete response within 5000 ms"));
    AtomicInteger resends = new AtomicInteger();

    ApacheTransport.resendFor(result, () -> {
      resends.incrementAndGet();
      return new CompletableFuture<>();
    });

    assertThat(resends).hasValue(0);
  }

  @Test
  void theResendIsCancelledWhenTheResultCompletesFirst() {
    CompletableFuture<TransportResponse> result = new CompletableFuture<>();
    CompletableFuture<TransportResponse> resent = new CompletableFuture<>();
    ApacheTransport.resendFor(result, () -> resent);

    result.completeExceptionally(new TimeoutException("no complete response within 5000 ms"));

    assertThat(resent).isCancelled();
  }

  @Test
  void theResendsAnswerCompletesTheResult() {
    CompletableFuture<TransportResponse> result = new CompletableFuture<>();
    CompletableFuture<TransportResponse> resent = new CompletableFuture<>();
    ApacheTransport.resendFor(result, () -> resent);

    resent.complete(OK);

    assertThat(result).isCompletedWithValue(OK);
  }
}
