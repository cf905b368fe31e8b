package dev.channels4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class WatchdogTest {
  @Test
  void anAbortThatThrowsDoesNotStopLaterDeadlines() throws Exception {
    try (Watchdog watchdog = new Watchdog()) {
      CompletableFuture<Exception> first = new CompletableFuture<>();
      watchdog.watch(Duration.ofMillis(1), reason -> {
        first.complete(reason);
        throw new IllegalStateException("a callback chained on the exchange failed");
      });
      first.get(10, TimeUnit.SECONDS);

      CompletableFuture<Exception> second = new CompletableFuture<>();
      watchdog.watch(Duration.ofMillis(1), second::complete);
      assertThat(second.get(10, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
    }
  }

  @Test
  void anAbortThatBlocksDoesNotStopLaterDeadlines() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Watchdog watchdog = new Watchdog()) {
      CountDownLatch blocking = new CountDownLatch(1);
      watchdog.watch(Duration.ofMillis(1), reason -> {
        blocking.countDown();
        try {
          release.await(); // a caller's callback that waits on something
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Exception> second = new CompletableFuture<>();
      watchdog.watch(Duration.ofMillis(1), second::complete);
      assertThat(second.get(10, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
    } finally {
      release.countDown();
    }
  }
}
