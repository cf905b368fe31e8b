package dev.channels4j;

import static dev.channels4j.TestClients.builderFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.channels4j.internal.transport.ApacheTransport;
import dev.channels4j.testing.RecordingHttpServer;
import dev.channels4j.testing.RecordingHttpServer.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Network failures and how they are told apart. */
class TimeoutTest {
  @AutoClose
  private RecordingHttpServer server = RecordingHttpServer.start();

  /** A transport that checks every pooled connection before reuse. */
  private static ApacheTransport checkingEveryReuse() {
    return new ApacheTransport(new ApacheTransport.Settings(Duration.ofSeconds(3), Duration.ofSeconds(5), 4, null,
        ApacheTransport.DEFAULT_MAX_RESPONSE_BYTES, null, ApacheTransport.DEFAULT_CONNECTION_TIME_TO_LIVE,
        Duration.ZERO));
  }

  /** A loopback port that was just bound and released, so nothing listens on it. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void slowServerIsATimeout() {
    server.enqueue(Reply.json("{}").after(Duration.ofSeconds(30)));
    try (ChannelsClient client = builderFor(server).timeout(Duration.ofMillis(1000)).build()) {
      TransportException e = catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "d"));

      assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.getMessage()).contains("POST /apps/3/events");
    }
  }

  @Test
  void slowServerOnAGetIsATimeoutToo() {
    server.enqueue(Reply.json("{}").after(Duration.ofSeconds(30)));
    try (ChannelsClient client = builderFor(server).timeout(Duration.ofMillis(1000)).build()) {
      TransportException e = catchThrowableOfType(TransportException.class, () -> client.channel("c"));

      assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
    }
  }

  @Test
  void nothingListeningIsConnectionRefused() throws IOException {
    int port = closedPort();
    try (ChannelsClient client = ChannelsClient.builder()
        .appId("3").key("k").secret("s").host("127.0.0.1").port(port).useTls(false)
        .retryPolicy(RetryPolicy.none()).build()) {
      TransportException e = catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "d"));

      assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECTION_REFUSED);
      assertThat(e.getMessage()).contains(Integer.toString(port));
    }
  }

  @Test
  void serverClosingWithoutAnswerIsConnectionReset() {
    server.enqueue(Reply.hangUp());
    try (ChannelsClient client = builderFor(server).build()) {
      TransportException e = catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "d"));

      assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECTION_RESET);
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void clientStillWorksAfterATimeout() {
    server.enqueue(Reply.json("{}").after(Duration.ofSeconds(30)), Reply.json("{\"ok\":true}"));
    try (ChannelsClient client = builderFor(server).timeout(Duration.ofMillis(1000)).build()) {
      catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "d"));

      client.trigger("c", "e", "again");
    }
    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().get(1).bodyText()).contains("again");
  }

  @Test
  void timedOutRequestGivesBackItsPooledConnection() {
    // The body trickles, so the transport's own inactivity timeout never fires: only the client's
    // request timeout ends the exchange, and it must free the single pooled connection.
    server.enqueue(Reply.trickling(Duration.ofSeconds(30)), Reply.json("{\"ok\":true}"));
    try (ChannelsClient client = builderFor(server).timeout(Duration.ofMillis(1000)).maxConnections(1).build()) {
      TransportException first = catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "d"));
      assertThat(first.kind()).isEqualTo(TransportException.Kind.TIMEOUT);

      client.trigger("c", "e", "again");
    }
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void triggerAfterTheServerDroppedThePooledConnectionSucceeds() {
    int port = server.port();
    // The default transport checks a pooled connection idle for over a second before reuse
    // (servers drop idle keep-alive connections after seconds, not milliseconds; checking every
    // reuse would cost each blocking request a millisecond): this one checks every reuse, so the
    // test needs no quiet second. ConnectionLifetimeTest and TlsNetworkTest cover the default.
    try (ApacheTransport transport = checkingEveryReuse();
        ChannelsClient client = builderFor(server).transport(transport).build()) {
      client.trigger("c", "e", "first");
      server.close(); // drops the kept-alive connection the client pooled
      server = RecordingHttpServer.start(port);

      client.trigger("c", "e", "second");
    }
    assertThat(server.onlyRequest().bodyText()).contains("second");
  }

  @Test
  void asyncTriggerRightAfterTheServerDroppedThePooledConnectionSucceeds() {
    int port = server.port();
    // The I/O reactor usually sees the close at once; when the next request wins that race, it
    // finds the connection closed before writing a byte and is sent again on a fresh one. When the
    // close lands while the request is being written, nothing proves it unsent, so only a policy
    // that allows resending POSTs sends it again (this failed under CI load without one); a load
    // balancer's idle close, long before the next request, is ConnectionLifetimeTest's.
    try (ChannelsClient client = builderFor(server).retryPolicy(TestClients.fastRetries(3)).build()) {
      client.async().trigger("c", "e", "first").join();
      server.close();
      server = RecordingHttpServer.start(port);

      client.async().trigger("c", "e", "second").join();
    }
    assertThat(server.onlyRequest().bodyText()).contains("second");
  }
}
