package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.internal.transport.ApacheTransport;
import dev.channels4j.testsupport.Await;
import dev.channels4j.testing.FaultServer;
import dev.channels4j.testing.FaultServer.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The default transport's pooled connections: reused, checked after idling, and retired at their
 * time to live. Against a loopback server that keeps connections alive until told to close the
 * idle ones, as a load balancer's idle timeout does.
 */
class ConnectionLifetimeTest {

  private static ChannelsClient.Builder clientOf(FaultServer server) {
    return ChannelsClient.builder().appId("1").key("key").secret("secret")
        .host("127.0.0.1").port(server.port()).useTls(false).retryPolicy(RetryPolicy.none());
  }

  /** A transport that checks every pooled connection before reuse, as the default one does after a second idle. */
  private static ApacheTransport checkingEveryReuse() {
    return new ApacheTransport(new ApacheTransport.Settings(Duration.ofSeconds(3), Duration.ofSeconds(5), 4, null,
        ApacheTransport.DEFAULT_MAX_RESPONSE_BYTES, null, ApacheTransport.DEFAULT_CONNECTION_TIME_TO_LIVE,
        Duration.ZERO));
  }

  @Test
  void aBlockingTriggerAfterTheServerClosedTheIdleConnectionSucceeds() throws Exception {
    try (FaultServer server = FaultServer.start(Fault.OK);
        ApacheTransport transport = checkingEveryReuse();
        ChannelsClient client = clientOf(server).transport(transport).build()) {
      client.trigger("c", "e", "first");
      // The server marks the connection idle just after its answer left: wait until it has.
      Await.until("the server closed the one idle connection", () -> closedOneIdle(server),
          Duration.ofSeconds(10));
      assertThat(server.awaitNoOpenConnections(FaultServer.MAX_FAULT)).isTrue();

      client.trigger("c", "e", "second"); // a POST, not retried: no error may reach the caller

      assertThat(server.requests()).isEqualTo(2);
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void anAsyncTriggerAfterTheServerClosedTheIdleConnectionSucceeds() throws Exception {
    try (FaultServer server = FaultServer.start(Fault.OK);
        ApacheTransport transport = checkingEveryReuse();
        ChannelsClient client = clientOf(server).transport(transport).build()) {
      client.async().trigger("c", "e", "first").join();
      // The server marks the connection idle just after its answer left: wait until it has.
      Await.until("the server closed the one idle connection", () -> closedOneIdle(server),
          Duration.ofSeconds(10));
      assertThat(server.awaitNoOpenConnections(FaultServer.MAX_FAULT)).isTrue();

      client.async().trigger("c", "e", "second").join();

      assertThat(server.requests()).isEqualTo(2);
    }
  }

  @Test
  void theDefaultTransportChecksConnectionsThatIdledASecond() {
    assertThat(ApacheTransport.DEFAULT_VALIDATE_AFTER_INACTIVITY).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aLiveConnectionIsReused() throws IOException {
    try (FaultServer server = FaultServer.start(Fault.OK); ChannelsClient client = clientOf(server).build()) {
      client.trigger("c", "e", "1");
      client.trigger("c", "e", "2");

      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void aConnectionPastItsTimeToLiveIsNotReused() throws IOException {
    try (FaultServer server = FaultServer.start(Fault.OK);
        ChannelsClient client = clientOf(server).connectionTimeToLive(Duration.ofNanos(1)).build()) {
      // The pool keeps time in milliseconds: a reuse within the same millisecond is not past even a
      // 1 ns time to live, so each request waits for the clock to move on.
      client.trigger("c", "e", "1");
      afterTheNextMillisecond();
      client.trigger("c", "e", "2");
      afterTheNextMillisecond();
      client.async().trigger("c", "e", "3").join();
      afterTheNextMillisecond();
      client.async().trigger("c", "e", "4").join();

      assertThat(server.connections()).isEqualTo(4);
    }
  }

  @Test
  void theDefaultTimeToLiveIsFiveMinutes() {
    assertThat(ApacheTransport.DEFAULT_CONNECTION_TIME_TO_LIVE).isEqualTo(Duration.ofMinutes(5));
  }

  private static boolean closedOneIdle(FaultServer server) {
    try {
      return server.closeIdleConnections() == 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void afterTheNextMillisecond() {
    long start = System.currentTimeMillis();
    Await.until("the clock moved 2 ms on", () -> System.currentTimeMillis() >= start + 2, Duration.ofSeconds(1));
  }
}
