package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.channels4j.testing.HttpsTestServer;
import dev.channels4j.testing.TestCertificates;
import dev.channels4j.testsupport.Await;
import dev.channels4j.testsupport.network.NetworkProxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production path: the default transport over TLS to a real HTTPS server, through a
 * {@link NetworkProxy} that plays the network between them (a load balancer's idle close, packets
 * dropped, distance). Every client here retries nothing, so any failure would reach the caller.
 */
class TlsNetworkTest {
  /**
   * Longer than the default transport's one-second check of idle connections, as load balancers'
   * idle timeouts (tens of seconds) are: a connection closed this long after its last byte is checked
   * before reuse.
   */
  private static final Duration LOAD_BALANCER_IDLE = Duration.ofMillis(1500);
  private static final Duration AWAIT = Duration.ofSeconds(10);

  @TempDir
  static Path certificates;

  private static TestCertificates localhost;
  private HttpsTestServer server;

  @BeforeAll
  static void certificate() {
    localhost = TestCertificates.generate(certificates, "dns:localhost,ip:127.0.0.1");
  }

  @BeforeEach
  void start() {
    server = HttpsTestServer.start(localhost.serverContext());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private NetworkProxy.Builder proxyToServer() {
    return NetworkProxy.builder(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
  }

  private static ChannelsClient.Builder clientThrough(NetworkProxy proxy) {
    return ChannelsClient.builder().appId("1").key("key").secret("secret")
        .host("localhost").port(proxy.port()).useTls(true).sslContext(localhost.trustingContext())
        .retryPolicy(RetryPolicy.none());
  }

  @Test
  void aBlockingTriggerAfterALoadBalancerClosedTheIdleConnectionSucceeds() {
    try (NetworkProxy proxy = proxyToServer().idleTimeout(LOAD_BALANCER_IDLE).build();
        ChannelsClient client = clientThrough(proxy).build()) {
      client.trigger("c", "e", "first");
      Await.until("the proxy closed the idle connection", () -> proxy.stats().closedIdle() == 1, AWAIT);

      client.trigger("c", "e", "second"); // a POST, not retried: no error may reach the caller

      assertThat(server.requests()).isEqualTo(2);
      assertThat(proxy.stats().connectionsOpened()).isEqualTo(2);
    }
  }

  @Test
  void anAsyncTriggerAfterALoadBalancerClosedTheIdleConnectionSucceeds() {
    try (NetworkProxy proxy = proxyToServer().idleTimeout(LOAD_BALANCER_IDLE).build();
        ChannelsClient client = clientThrough(proxy).build()) {
      client.async().trigger("c", "e", "first").join();
      Await.until("the proxy closed the idle connection", () -> proxy.stats().closedIdle() == 1, AWAIT);

      client.async().trigger("c", "e", "second").join();

      assertThat(server.requests()).isEqualTo(2);
      assertThat(proxy.stats().connectionsOpened()).isEqualTo(2);
    }
  }

  @Test
  void aBlockingCallWhoseHandshakeStallsEndsAtTheConnectTimeoutWithATypedError() {
    try (NetworkProxy proxy = proxyToServer().build();
        ChannelsClient client = clientThrough(proxy).connectTimeout(Duration.ofMillis(300))
            .timeout(Duration.ofMinutes(1)).build()) {
      proxy.blackHole(true); // the TCP connection opens; not a byte of the handshake crosses

      TransportException e = catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "{}"));

      assertStalledHandshake(e, proxy);
      assertThat(proxy.stats().connectionsOpened()).isPositive();
      assertThat(server.requests()).isZero();
    }
  }

  @Test
  void anAsyncCallWhoseHandshakeStallsEndsAtTheConnectTimeoutWithATypedError() {
    try (NetworkProxy proxy = proxyToServer().build();
        ChannelsClient client = clientThrough(proxy).connectTimeout(Duration.ofMillis(300))
            .timeout(Duration.ofMinutes(1)).build()) {
      proxy.blackHole(true);

      CompletionException e = catchThrowableOfType(CompletionException.class,
          () -> client.async().trigger("c", "e", "{}").join());

      assertThat(e.getCause()).isInstanceOf(TransportException.class);
      assertStalledHandshake((TransportException) e.getCause(), proxy);
      assertThat(server.requests()).isZero();
    }
  }

  @Test
  void aRequestWhoseAnswerNeverComesEndsAtTheTimeoutWithATypedError() {
    try (NetworkProxy proxy = proxyToServer().build();
        ChannelsClient client = clientThrough(proxy).timeout(Duration.ofMillis(500)).build()) {
      client.trigger("c", "e", "first"); // the connection and its handshake are done
      proxy.blackHole(true);

      TransportException e = catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "second"));

      assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void callsAcrossAddedLatencyAndJitterSucceed() {
    try (NetworkProxy proxy = proxyToServer().rtt(Duration.ofMillis(20)).jitter(Duration.ofMillis(5)).build();
        ChannelsClient client = clientThrough(proxy).build()) {
      for (int i = 0; i < 3; i++) {
        client.trigger("c", "e", "blocking " + i);
      }
      List<CompletableFuture<TriggerResult>> async = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        async.add(client.async().trigger("c", "e", "async " + i));
      }
      async.forEach(CompletableFuture::join);

      assertThat(server.requests()).isEqualTo(11);
      assertThat(proxy.stats().minDelayNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(10).toNanos());
    }
  }

  private static void assertStalledHandshake(TransportException e, NetworkProxy proxy) {
    assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECTION_REFUSED);
    assertThat(e.getMessage()).contains("TLS handshake with localhost:" + proxy.port())
        .contains("connectTimeout (300 ms)").contains("nothing was sent");
  }
}
