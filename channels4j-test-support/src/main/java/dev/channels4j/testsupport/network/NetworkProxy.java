package dev.channels4j.testsupport.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A TCP proxy on {@code 127.0.0.1} that puts a network between a client and a server: added
 * round-trip time and jitter, connections reset or black-holed on demand, idle connections closed
 * as a load balancer closes them, connections closed after a number of requests or bytes. It counts
 * what it did ({@link #stats()}), so a test asserts that the condition happened.
 *
 * <pre>{@code
 * try (NetworkProxy proxy = NetworkProxy.builder(new InetSocketAddress("127.0.0.1", serverPort))
 *     .rtt(Duration.ofMillis(80)).jitter(Duration.ofMillis(5))
 *     .idleTimeout(Duration.ofSeconds(10))
 *     .build()) {
 *   client.connectTo("127.0.0.1", proxy.port());   // every byte now crosses 80 ms of "network"
 *   proxy.resetAll();                                // every open connection gets an RST
 *   long opened = proxy.stats().connectionsOpened();
 * }
 * }</pre>
 *
 * <p>The delay is a delay line, not a sleep: each chunk read from one side is released to the
 * other half an RTT (plus its jitter) after it arrived, in order, while later chunks keep arriving,
 * so bandwidth is kept. Jitter adds a uniformly random extra in {@code [0, jitter]} to each chunk
 * in each direction; a chunk never overtakes the one before it. One thread serves every connection.
 *
 * <p>Bounds: at most {@link Builder#maxConnections(int)} connections (more are accepted and closed
 * at once, counted as refused); at most {@link Builder#maxBufferedBytes(int)} bytes held per
 * direction of a connection: when full, the proxy stops reading that side until the line drains,
 * so the sender's TCP window closes as a slow network's would.
 */
public final class NetworkProxy implements AutoCloseable {
  private final ProxyLoop loop;
  private final Thread thread;
  private final InetSocketAddress address;

  private NetworkProxy(Builder builder) {
    try {
      ServerSocketChannel server = ServerSocketChannel.open();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
      this.address = (InetSocketAddress) server.getLocalAddress();
      this.loop = new ProxyLoop(server, builder);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the proxy's listening socket on 127.0.0.1", e);
    }
    this.thread = new Thread(loop, "network-proxy-" + address.getPort());
    thread.setDaemon(true);
    thread.start();
  }

  /** A builder for a proxy forwarding to {@code target} (normally a loopback server). */
  public static Builder builder(InetSocketAddress target) {
    return new Builder(target);
  }

  /** The port the proxy listens on, on 127.0.0.1. */
  public int port() {
    return address.getPort();
  }

  /** The address the proxy listens on. */
  public InetSocketAddress address() {
    return address;
  }

  /** A snapshot of what the proxy has done so far. */
  public ProxyStats stats() {
    return loop.stats();
  }

  /**
   * Resets (RST, {@code SO_LINGER 0}) both sides of every open connection, and returns when done.
   * Clients see "connection reset"; data still on the delay line is dropped.
   */
  public void resetAll() {
    await(loop.submit(loop::resetAll));
  }

  /**
   * While on, no byte crosses the proxy in either direction on any connection, open or new:
   * connections are accepted and then stay silent, as when packets are dropped on the way (a stalled
   * TLS handshake, a request that never gets an answer). Switching it off lets held bytes through.
   * Returns when the change is in effect.
   */
  public void blackHole(boolean on) {
    await(loop.submit(() -> loop.blackHole(on)));
  }

  /** Closes every connection and stops the proxy. */
  @Override
  public void close() {
    loop.stop();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "NetworkProxy[" + address + " -> " + loop.target() + "]";
  }

  private static void await(CompletableFuture<Void> done) {
    try {
      done.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the proxy", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the proxy did not carry out the command: " + e, e);
    }
  }

  /** Configures a {@link NetworkProxy}; every setting is optional except the target. */
  public static final class Builder {
    final InetSocketAddress target;
    Duration rtt = Duration.ZERO;
    Duration jitter = Duration.ZERO;
    Duration idleTimeout;
    int closeAfterRequests;
    long closeAfterBytes;
    int maxConnections = 1024;
    int maxBufferedBytes = 1 << 20;
    long seed = 1;

    private Builder(InetSocketAddress target) {
      this.target = Objects.requireNonNull(target, "target must not be null: the address to forward to");
    }

    /** The round trip added to every exchange: half on the way to the server, half on the way back. */
    public Builder rtt(Duration rtt) {
      this.rtt = nonNegative(rtt, "rtt");
      return this;
    }

    /** The most extra delay a chunk gets in each direction, uniformly random in [0, jitter]. */
    public Builder jitter(Duration jitter) {
      this.jitter = nonNegative(jitter, "jitter");
      return this;
    }

    /** Closes (FIN) a connection after no byte crossed it in either direction for this long. */
    public Builder idleTimeout(Duration idle) {
      Objects.requireNonNull(idle, "idleTimeout must not be null");
      if (idle.isZero() || idle.isNegative()) {
        throw new IllegalArgumentException("idleTimeout must be positive, got " + idle);
      }
      this.idleTimeout = idle;
      return this;
    }

    /**
     * Closes (FIN) a connection when its client starts request {@code n + 1}: a request starts when
     * the client sends after the server has answered (HTTP/1.1 without pipelining; the proxy sees
     * bytes only, so over TLS each client flight of the handshake counts as one too). The bytes of that
     * request are dropped, never sent to the server, as when a server closes a keep-alive
     * connection just as the client reuses it.
     */
    public Builder closeAfterRequests(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("closeAfterRequests must be at least 1, got " + n);
      }
      this.closeAfterRequests = n;
      return this;
    }

    /** Closes (FIN) a connection once its client has sent more than {@code n} bytes, forwarding only the first n. */
    public Builder closeAfterBytes(long n) {
      if (n < 1) {
        throw new IllegalArgumentException("closeAfterBytes must be at least 1, got " + n);
      }
      this.closeAfterBytes = n;
      return this;
    }

    /** At most this many connections open at once (default 1024); more are closed at once and counted as refused. */
    public Builder maxConnections(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1, got " + n);
      }
      this.maxConnections = n;
      return this;
    }

    /** Bytes held per direction of a connection (default 1 MiB); when full the proxy stops reading that side. */
    public Builder maxBufferedBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxBufferedBytes must be at least 1024, got " + bytes);
      }
      this.maxBufferedBytes = bytes;
      return this;
    }

    /** The seed of the jitter's random numbers, so a run can be repeated (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Opens the proxy's port and starts forwarding. */
    public NetworkProxy build() {
      return new NetworkProxy(this);
    }

    private static Duration nonNegative(Duration value, String name) {
      Objects.requireNonNull(value, name + " must not be null");
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + value);
      }
      return value;
    }
  }
}
