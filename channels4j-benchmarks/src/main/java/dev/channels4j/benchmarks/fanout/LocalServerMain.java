package dev.channels4j.benchmarks.fanout;

import dev.channels4j.local.LocalServer;
import java.util.concurrent.CountDownLatch;

/**
 * channels4j-local in a process of its own for the fan-out benchmark: app {@code app-id} /
 * {@code app-key} / {@code app-secret} (soketi's defaults) on a free port of 127.0.0.1, printed as
 * {@code PORT n}; stops when its standard input closes.
 */
public final class LocalServerMain {
  private LocalServerMain() {}

  public static void main(String[] args) throws Exception {
    LocalServer server = LocalServer.builder().port(0).build().start();
    System.out.println("PORT " + server.port());
    System.out.flush();
    CountDownLatch done = new CountDownLatch(1);
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // wait for end of input
        }
      } catch (java.io.IOException ignored) {
        // parent gone
      }
      done.countDown();
    });
    watcher.setDaemon(true);
    watcher.start();
    done.await();
    server.close();
  }
}
