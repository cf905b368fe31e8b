package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.channels4j.spi.Transport;
import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import dev.channels4j.testing.RecordingHttpServer;
import dev.channels4j.testing.RecordingHttpServer.Reply;
import dev.channels4j.testsupport.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The blocking methods send on the calling thread, through {@link Transport#execute}. */
class BlockingCallsTest {

  private static ChannelsClient.Builder builder(Transport transport) {
    return ChannelsClient.builder().appId("3").key("key").secret("secret").host("127.0.0.1").useTls(false)
        .transport(transport);
  }

  @Test
  void blockingCallsUseTheTransportsExecuteOnTheCallingThread() {
    AtomicReference<Thread> executedOn = new AtomicReference<>();
    Transport transport = new Transport() {
      @Override
      public CompletableFuture<TransportResponse> send(TransportRequest request) {
        throw new AssertionError("a blocking call must not go through send()");
      }

      @Override
      public TransportResponse execute(TransportRequest request) {
        executedOn.set(Thread.currentThread());
        return new TransportResponse(200, "{}".getBytes(StandardCharsets.UTF_8));
      }
    };
    try (ChannelsClient client = builder(transport).build()) {
      client.trigger("c", "e", "d");
    }
    assertThat(executedOn.get()).isSameAs(Thread.currentThread());
  }

  @Test
  void aTransportWithOnlySendIsWaitedForUntilTheTimeoutThenCancelled() {
    CompletableFuture<TransportResponse> never = new CompletableFuture<>();
    Transport transport = request -> never;
    try (ChannelsClient client = builder(transport).timeout(Duration.ofMillis(200)).build()) {
      TransportException error = catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "d"));

      assertThat(error.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
    }
    assertThat(never).isCancelled();
  }

  @Test
  void closingTheClientFailsABlockingCallInFlight() throws Exception {
    try (RecordingHttpServer server = RecordingHttpServer.start()) {
      server.enqueue(Reply.json("{}").after(Duration.ofSeconds(20)));
      ChannelsClient patient = TestClients.builderFor(server).timeout(Duration.ofSeconds(30)).build();
      CompletableFuture<TriggerResult> caller = CompletableFuture.supplyAsync(() -> patient.trigger("c", "e", "d"));
      Await.until("the request reaches the server", () -> server.requestCount() > 0, Duration.ofSeconds(5));
      assertThat(server.requestCount()).as("the request reached the server").isEqualTo(1);

      patient.close();

      // Well before the 20 s answer or the 30 s timeout: close() itself fails the waiting caller.
      ExecutionException failure = catchThrowableOfType(ExecutionException.class, () -> caller.get(10, TimeUnit.SECONDS));
      assertThat(failure.getCause()).isInstanceOf(TransportException.class).hasMessageContaining("closed");
    }
  }
}
