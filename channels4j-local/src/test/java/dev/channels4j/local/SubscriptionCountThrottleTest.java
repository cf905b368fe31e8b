package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.local.internal.state.AppState;
import dev.channels4j.local.internal.state.Connection;
import dev.channels4j.local.internal.state.Counters;
import dev.channels4j.local.internal.state.ServerSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * pusher_internal:subscription_count on the app state itself, its timer run by hand: at every
 * change up to 100 subscribers, then at most once every 5 s with the latest count.
 */
class SubscriptionCountThrottleTest {
  private final ManualTimers timers = new ManualTimers();
  private final List<String> webhooks = new CopyOnWriteArrayList<>();
  private final AppState app = new AppState(
      LocalApp.builder().subscriptionCount(true).webhookUrl("http://127.0.0.1:9/hooks").build(),
      new ServerSettings(Limits.pusher(), Duration.ofSeconds(120), Duration.ofSeconds(30), Duration.ZERO,
          Duration.ofMinutes(30), Clock.systemUTC(), System::nanoTime, new Counters()),
      (localApp, event) -> webhooks.add(event.get("name").asText()),
      timers);
  /** What the first subscriber was sent. */
  private final List<String> firstReceived = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    timers.shutdownNow();
  }

  private Connection connection(int n) {
    return new Connection("1." + n) {
      @Override
      public void send(ByteBuffer utf8) {
        if (n == 0) {
          firstReceived.add(StandardCharsets.UTF_8.decode(utf8.duplicate()).toString());
        }
      }

      @Override
      public void close(int code, String reason) {}
    };
  }

  private List<String> countsSeen() {
    List<String> counts = new ArrayList<>();
    for (String message : firstReceived) {
      if (message.contains("pusher_internal:subscription_count")) {
        counts.add(message.replaceAll(".*subscription_count\\\\?\"?:\\s*(\\d+).*", "$1"));
      }
    }
    return counts;
  }

  @Test
  void upTo100SubscribersEveryChangeIsSentAtOnce() {
    for (int n = 0; n < 100; n++) {
      app.subscribe(connection(n), "crowd", null, null);
    }
    assertThat(countsSeen()).hasSize(100).endsWith("100");
    assertThat(timers.pending()).isZero();
  }

  @Test
  void above100SubscribersChangesWaitForOneUpdateWithTheLatestCount() {
    for (int n = 0; n < 150; n++) {
      app.subscribe(connection(n), "crowd", null, null);
    }
    // 100 sent at once; the 101st within 5 s of the 100th waits, and the 49 after it ride on that one.
    assertThat(countsSeen()).hasSize(100);
    assertThat(timers.pending()).isEqualTo(1);
    timers.runNext();
    assertThat(countsSeen()).hasSize(101).endsWith("150");
    assertThat(webhooks.stream().filter("subscription_count"::equals).count()).isEqualTo(101);
  }
}
