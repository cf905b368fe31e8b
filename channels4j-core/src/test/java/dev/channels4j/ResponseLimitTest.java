package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.channels4j.internal.api.Dispatcher;
import dev.channels4j.testing.FaultServer;
import dev.channels4j.testing.FaultServer.Fault;
import dev.channels4j.testing.RecordingHttpServer;
import dev.channels4j.testing.RecordingHttpServer.Reply;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Response bodies are bounded: a hostile server cannot exhaust the heap or kill the I/O threads. */
class ResponseLimitTest {

  @Test
  void blockingCallAgainstAnEndlessBodyFailsAsResponseTooLargeWithinTheTimeout() {
    try (FaultServer server = FaultServer.start(Fault.ENDLESS_BODY);
        ChannelsClient client = FaultInjectionTest.clientFor(server).timeout(Duration.ofSeconds(5)).build()) {
      TransportException e = catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "d"));

      assertThat(e.kind()).isEqualTo(TransportException.Kind.RESPONSE_TOO_LARGE);
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.getMessage()).contains("POST /apps/3/events").contains("4194304 bytes");
    }
  }

  @Test
  void asyncCallsAgainstAnEndlessBodyFailAndLeaveTheClientWorking() {
    try (FaultServer server = FaultServer.start(Fault.ENDLESS_BODY, Fault.ENDLESS_BODY, Fault.ENDLESS_BODY, Fault.OK);
        ChannelsClient client = FaultInjectionTest.clientFor(server).timeout(Duration.ofSeconds(5)).build()) {
      for (int i = 0; i < 3; i++) {
        CompletableFuture<TriggerResult> call = client.async().trigger("c", "e", "d");
        Throwable error = call.handle((r, e) -> Dispatcher.unwrap(e)).join();
        assertThat(error).isInstanceOf(TransportException.class);
        assertThat(((TransportException) error).kind()).isEqualTo(TransportException.Kind.RESPONSE_TOO_LARGE);
      }

      assertThat(client.async().channels(ChannelsQuery.all()).join().channels()).isEmpty();
    }
  }

  @Test
  void anAnswerAnnouncedLargerThanTheLimitFailsBeforeItsBodyIsRead() {
    try (RecordingHttpServer server = RecordingHttpServer.start();
        ChannelsClient client = TestClients.builderFor(server).maxResponseSize(1024).build()) {
      server.enqueue(Reply.json("{\"channels\":{\"" + "x".repeat(2000) + "\":{}}}"));

      TransportException e = catchThrowableOfType(TransportException.class, () -> client.channels());

      assertThat(e.kind()).isEqualTo(TransportException.Kind.RESPONSE_TOO_LARGE);
      assertThat(e.getMessage()).contains("1024 bytes");
    }
  }

  @Test
  void anAnswerOfExactlyTheLimitIsRead() {
    String body = "{\"channels\":{\"" + "x".repeat(100) + "\":{}}}";
    try (RecordingHttpServer server = RecordingHttpServer.start();
        ChannelsClient client = TestClients.builderFor(server).maxResponseSize(body.length()).build()) {
      server.enqueue(Reply.json(body), Reply.json(body));

      assertThat(client.channels().channels()).hasSize(1);
      assertThat(client.async().channels(ChannelsQuery.all()).join().channels()).hasSize(1);
    }
  }

  @Test
  void aResponseTooLargeIsNotRetried() {
    try (FaultServer server = FaultServer.start(Fault.ENDLESS_BODY);
        ChannelsClient client = FaultInjectionTest.clientFor(server).retryPolicy(TestClients.fastRetries(3)).build()) {
      catchThrowableOfType(TransportException.class, () -> client.channels());

      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void aMaxResponseSizeBelowOneByteIsRefused() {
    assertThat(catchThrowableOfType(ValidationException.class,
        () -> ChannelsClient.builder().appId("1").key("k").secret("s").cluster("eu").maxResponseSize(0).build()))
        .hasMessageContaining("maxResponseSize");
  }
}
