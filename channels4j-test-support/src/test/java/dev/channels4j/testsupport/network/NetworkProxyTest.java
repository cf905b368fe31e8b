package dev.channels4j.testsupport.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each condition of the proxy, provoked on loopback against an echo server and observed by the client. */
@Timeout(20)
class NetworkProxyTest {
  /** Generous: a read that waits this long has found a bug, not a slow machine. */
  private static final int READ_TIMEOUT_MS = 10_000;
  private EchoServer echo;

  @BeforeEach
  void startEcho() throws IOException {
    echo = new EchoServer();
  }

  @AfterEach
  void stopEcho() throws IOException {
    echo.close();
  }

  @Test
  void bytesCrossInOrderHeldAtLeastHalfTheRttEachWay() throws IOException {
    try (NetworkProxy proxy = NetworkProxy.builder(echo.address())
        .rtt(Duration.ofMillis(40)).jitter(Duration.ofMillis(20)).build();
        Socket socket = connect(proxy)) {
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      DataInputStream in = new DataInputStream(socket.getInputStream());
      for (int i = 0; i < 200; i++) {
        out.writeInt(i); // 200 separate writes: chunks of their own, each with its own jitter
      }
      out.flush();
      for (int i = 0; i < 200; i++) {
        assertThat(in.readInt()).isEqualTo(i);
      }
      assertThat(proxy.stats().minDelayNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
      assertThat(proxy.stats().bytesToServer()).isEqualTo(800);
      assertThat(proxy.stats().bytesToClient()).isEqualTo(800);
    }
  }

  @Test
  void withoutAddedRttBytesCrossUnchanged() throws IOException {
    try (NetworkProxy proxy = NetworkProxy.builder(echo.address()).build(); Socket socket = connect(proxy)) {
      exchange(socket, 7);
      assertThat(proxy.stats().requests()).isEqualTo(1);
    }
  }

  @Test
  void countsConnectionsOpened() throws IOException {
    try (NetworkProxy proxy = NetworkProxy.builder(echo.address()).build();
        Socket first = connect(proxy); Socket second = connect(proxy); Socket third = connect(proxy)) {
      exchange(first, 1);
      exchange(second, 2);
      exchange(third, 3);
      assertThat(proxy.stats().connectionsOpened()).isEqualTo(3);
      assertThat(proxy.stats().connectionsOpen()).isEqualTo(3);
    }
  }

  @Test
  void resetAllResetsOpenConnections() throws IOException {
    try (NetworkProxy proxy = NetworkProxy.builder(echo.address()).build(); Socket socket = connect(proxy)) {
      exchange(socket, 1);
      proxy.resetAll();
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketException.class).hasMessageContaining("reset");
      assertThat(proxy.stats().reset()).isEqualTo(1);
      assertThat(proxy.stats().connectionsOpen()).isZero();
    }
  }

  @Test
  void blackHoleHoldsEveryByteUntilLifted() throws IOException {
    try (NetworkProxy proxy = NetworkProxy.builder(echo.address()).build(); Socket socket = connect(proxy)) {
      exchange(socket, 1);
      proxy.blackHole(true);
      socket.getOutputStream().write(2);
      socket.setSoTimeout(300);
      assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
      assertThat(echo.received.get()).isEqualTo(1);
      proxy.blackHole(false);
      socket.setSoTimeout(READ_TIMEOUT_MS);
      assertThat(socket.getInputStream().read()).isEqualTo(2);
    }
  }

  @Test
  void closesIdleConnections() throws IOException {
    try (NetworkProxy proxy = NetworkProxy.builder(echo.address()).idleTimeout(Duration.ofMillis(100)).build();
        Socket socket = connect(proxy)) {
      exchange(socket, 1);
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      assertThat(proxy.stats().closedIdle()).isEqualTo(1);
    }
  }

  @Test
  void closesWhenTheRequestPastTheLimitStartsWithoutForwardingIt() throws IOException {
    try (NetworkProxy proxy = NetworkProxy.builder(echo.address()).closeAfterRequests(2).build();
        Socket socket = connect(proxy)) {
      exchange(socket, 1);
      exchange(socket, 2);
      socket.getOutputStream().write(3);
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      assertThat(echo.received.get()).isEqualTo(2);
      assertThat(proxy.stats().closedAfterRequests()).isEqualTo(1);
    }
  }

  @Test
  void closesWhenTheClientSentMoreThanTheByteLimit() throws IOException {
    try (NetworkProxy proxy = NetworkProxy.builder(echo.address()).closeAfterBytes(4).build();
        Socket socket = connect(proxy)) {
      exchange(socket, 1);
      socket.getOutputStream().write(new byte[] {2, 3, 4, 5});
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      assertThat(proxy.stats().closedAfterBytes()).isEqualTo(1);
    }
  }

  @Test
  void closesConnectionsBeyondTheLimitAtOnce() throws IOException {
    try (NetworkProxy proxy = NetworkProxy.builder(echo.address()).maxConnections(1).build();
        Socket first = connect(proxy); Socket second = connect(proxy)) {
      exchange(first, 1);
      assertThat(second.getInputStream().read()).isEqualTo(-1);
      assertThat(proxy.stats().connectionsRefused()).isEqualTo(1);
    }
  }

  @Test
  void refusesANegativeRttNamingIt() {
    assertThatThrownBy(() -> NetworkProxy.builder(echo.address()).rtt(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rtt must not be negative");
  }

  private static Socket connect(NetworkProxy proxy) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    socket.setSoTimeout(READ_TIMEOUT_MS);
    return socket;
  }

  private static void exchange(Socket socket, int value) throws IOException {
    socket.getOutputStream().write(value);
    assertThat(socket.getInputStream().read()).isEqualTo(value);
  }
}
