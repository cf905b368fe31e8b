package dev.channels4j.benchmarks.load;

import dev.channels4j.testsupport.network.NetworkProxy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;

/**
 * What the latency proxy itself adds: one byte at a time, one in flight, through a
 * {@link NetworkProxy} to a plain TCP echo (no TLS, no HTTP), so the distance benchmark's latencies
 * can be split into the proxy's round trip and the rest of the path.
 *
 * <pre>
 * java -cp channels4j-benchmarks/target/benchmarks.jar dev.channels4j.benchmarks.load.ProxyPing 0 20 80
 * </pre>
 */
public final class ProxyPing {
  private static final int WARMUP = 50;
  private static final int ROUND_TRIPS = 500;

  private ProxyPing() {}

  public static void main(String[] args) throws Exception {
    for (String rtt : args.length == 0 ? new String[] {"0", "20", "80"} : args) {
      ping(Integer.parseInt(rtt));
    }
  }

  private static void ping(int rttMillis) throws Exception {
    try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread echoing = new Thread(() -> echo(echo), "echo");
      echoing.setDaemon(true);
      echoing.start();
      try (NetworkProxy proxy = NetworkProxy.builder(new InetSocketAddress("127.0.0.1", echo.getLocalPort()))
              .rtt(Duration.ofMillis(rttMillis)).build();
          Socket socket = new Socket("127.0.0.1", proxy.port())) {
        socket.setTcpNoDelay(true);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        long[] nanos = new long[ROUND_TRIPS];
        for (int i = -WARMUP; i < ROUND_TRIPS; i++) {
          long start = System.nanoTime();
          out.write(1);
          out.flush();
          if (in.read() < 0) {
            throw new IOException("the echo closed");
          }
          if (i >= 0) {
            nanos[i] = System.nanoTime() - start;
          }
        }
        Arrays.sort(nanos);
        System.out.printf("proxy RTT %3d ms: p10 %.3f ms  p50 %.3f ms  p90 %.3f ms  (%d round trips of one byte)%n",
            rttMillis, nanos[ROUND_TRIPS / 10] / 1e6, nanos[ROUND_TRIPS / 2] / 1e6, nanos[ROUND_TRIPS * 9 / 10] / 1e6,
            ROUND_TRIPS);
      }
    }
  }

  private static void echo(ServerSocket server) {
    try (Socket socket = server.accept()) {
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        out.write(b);
        out.flush();
      }
    } catch (IOException e) {
      // the proxy closed: this ping is over
    }
  }
}
