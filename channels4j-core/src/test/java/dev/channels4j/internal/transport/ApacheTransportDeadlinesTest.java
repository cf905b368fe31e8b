package dev.channels4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import dev.channels4j.testsupport.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApacheTransportDeadlinesTest {
  /**
   * A loopback HTTP/1.1 server that answers 200 keep-alive, or trickles a body for ever when {@code trickle},
   * and closes a connection left idle for {@code idleMillis}, as servers do with keep-alive.
   */
  static final class Server implements AutoCloseable {
    final ServerSocket socket;
    final List<Socket> accepted = new CopyOnWriteArrayList<>();
    /** Connections closed for idling past the keep-alive, counted once closed. */
    final AtomicInteger closedIdle = new AtomicInteger();
    final Thread acceptor;

    Server(boolean trickle, int idleMillis) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            Socket connection = socket.accept();
            accepted.add(connection);
            Thread serving = new Thread(() -> serve(connection, trickle, idleMillis, closedIdle));
            serving.setDaemon(true);
            serving.start();
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private static void serve(Socket connection, boolean trickle, int idleMillis, AtomicInteger closedIdle) {
      try (connection) {
        connection.setSoTimeout(idleMillis);
        InputStream in = connection.getInputStream();
        OutputStream out = connection.getOutputStream();
        while (true) {
          String head = readHead(in);
          if (head == null) {
            return;
          }
          int length = 0;
          for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
              length = Integer.parseInt(line.substring(15).trim());
            }
          }
          in.readNBytes(length);
          if (trickle) {
            // Each read of the client sees a byte in time, so only a deadline on the whole exchange ends it.
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            while (true) {
              out.write(' ');
              out.flush();
              // The pace is the fault under test: a real gap between bytes, each read in time, which
              // only the whole-exchange deadline ends.
              Thread.sleep(50);
            }
          }
          out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      } catch (SocketTimeoutException idle) {
        // Idle past the keep-alive: closed without a word (by the try), as a server's idle timeout does.
        closedIdle.incrementAndGet();
      } catch (IOException | InterruptedException e) {
        // the client went away
      }
    }

    private static String readHead(InputStream in) throws IOException {
      StringBuilder head = new StringBuilder();
      int c;
      while ((c = in.read()) != -1) {
        head.append((char) c);
        if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
          return head.toString();
        }
      }
      return null;
    }

    TransportRequest post(Duration timeout) {
      return new TransportRequest("POST", URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/apps/1/events"),
          Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8), timeout);
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket connection : accepted) {
        connection.close();
      }
    }
  }

  private static ApacheTransport transport(Duration timeout) {
    return new ApacheTransport(Duration.ofSeconds(5), timeout, 4, null);
  }

  @Test
  void aCallbackThatBlocksOnOneTimedOutSendDoesNotHoldBackAnotherSendsTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Server server = new Server(true, 60_000); ApacheTransport transport = transport(Duration.ofMillis(200))) {
      CountDownLatch blocked = new CountDownLatch(1);
      CompletableFuture<TransportResponse> first = transport.send(server.post(Duration.ofMillis(200)));
      first.whenComplete((response, error) -> {
        blocked.countDown();
        try {
          release.await(); // e.g. a caller that waits on something in its callback
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<TransportResponse> second = transport.send(server.post(Duration.ofMillis(200)));
      assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TimeoutException.class);
    } finally {
      release.countDown();
    }
  }

  @Test
  void aSendAfterTheServerClosedTheIdleConnectionSucceeds() throws Exception {
    try (Server server = new Server(false, 300); ApacheTransport transport = transport(Duration.ofSeconds(5))) {
      for (int closedBefore = 0; closedBefore < 3; closedBefore++) {
        int closed = closedBefore;
        Await.until("the server closed " + closed + " idle connection(s)", () -> server.closedIdle.get() >= closed,
            Duration.ofSeconds(20));
        TransportResponse response = transport.send(server.post(Duration.ofSeconds(5))).get(20, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
      }
    }
  }
}
