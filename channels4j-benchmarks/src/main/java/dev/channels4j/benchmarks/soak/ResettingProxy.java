package dev.channels4j.benchmarks.soak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy that, every {@code periodMillis}, resets one of its open connections
 * (TCP RST to the client, close to the server) with probability {@code resetProbability}. The
 * client under test sees connections die at random points: before, during and after requests.
 */
final class ResettingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final Set<Pair> open = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService resetter;
  private final Random random;
  private final AtomicLong resets = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private volatile boolean closed;

  ResettingProxy(int targetPort, long periodMillis, double resetProbability, long seed) throws IOException {
    this.targetPort = targetPort;
    this.random = new Random(seed);
    this.listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "soak-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    this.resetter = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "soak-proxy-resetter");
      t.setDaemon(true);
      return t;
    });
    resetter.scheduleWithFixedDelay(() -> {
      if (random.nextDouble() < resetProbability) {
        List<Pair> pairs = new ArrayList<>(open);
        if (!pairs.isEmpty()) {
          pairs.get(random.nextInt(pairs.size())).reset();
        }
      }
    }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  int port() {
    return listener.getLocalPort();
  }

  long resets() {
    return resets.get();
  }

  long connections() {
    return accepted.get();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
        accepted.incrementAndGet();
        Pair pair = new Pair(client, server);
        open.add(pair);
        pipe(pair, client, server, "up");
        pipe(pair, server, client, "down");
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pipe(Pair pair, Socket from, Socket to, String direction) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) != -1) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // reset or closed
      } finally {
        pair.close();
      }
    }, "soak-proxy-" + direction);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    resetter.shutdownNow();
    listener.close();
    for (Pair pair : open) {
      pair.close();
    }
  }

  private final class Pair {
    final Socket client;
    final Socket server;

    Pair(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void reset() {
      try {
        client.setSoLinger(true, 0); // close() now sends RST instead of FIN
        resets.incrementAndGet();
      } catch (IOException ignored) {
        // already closed
      }
      close();
    }

    void close() {
      open.remove(this);
      try {
        client.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      try {
        server.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
