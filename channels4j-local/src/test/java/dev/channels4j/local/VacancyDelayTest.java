package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.local.internal.Json;
import dev.channels4j.local.internal.state.AppState;
import dev.channels4j.local.internal.state.Connection;
import dev.channels4j.local.internal.state.Counters;
import dev.channels4j.local.internal.state.ServerSettings;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The vacancy delay on the app state itself, its timers run by hand: which webhook a timer sends
 * depends on the order of vacancies and timers, which wall-clock sleeps could not pin down.
 */
class VacancyDelayTest {
  private final ManualTimers timers = new ManualTimers();
  private final List<String> webhooks = new CopyOnWriteArrayList<>();
  private final AppState app = new AppState(
      LocalApp.builder().webhookUrl("http://127.0.0.1:9/hooks").build(),
      new ServerSettings(Limits.pusher(), Duration.ofSeconds(120), Duration.ofSeconds(30), Duration.ofSeconds(3),
          Duration.ofMinutes(30), Clock.systemUTC(), System::nanoTime, new Counters()),
      (localApp, event) -> webhooks.add(event.get("name").asText()),
      timers);
  private final Connection connection = new Connection("1.1") {
    @Override
    public void send(ByteBuffer utf8) {}

    @Override
    public void close(int code, String reason) {}
  };

  @AfterEach
  void stop() {
    timers.shutdownNow();
  }

  @Test
  void timerOfAnEarlierVacancyDoesNotSendChannelVacatedForALaterOne() {
    app.subscribe(connection, "bouncy", null, null);
    app.unsubscribe(connection, "bouncy");
    app.subscribe(connection, "bouncy", null, null);
    app.unsubscribe(connection, "bouncy");
    timers.runNext();
    assertThat(webhooks).containsExactly("channel_occupied");
    timers.runNext();
    assertThat(webhooks).containsExactly("channel_occupied", "channel_vacated");
  }

  @Test
  void timerOfAnEarlierDepartureDoesNotSendMemberRemovedForALaterOne() {
    Connection stays = new Connection("2.2") {
      @Override
      public void send(ByteBuffer utf8) {}

      @Override
      public void close(int code, String reason) {}
    };
    // Keeps the channel occupied, so only member_removed is held back.
    app.subscribe(stays, "presence-room", "host", Json.object());
    app.subscribe(connection, "presence-room", "guest", Json.object());
    app.unsubscribe(connection, "presence-room");
    app.subscribe(connection, "presence-room", "guest", Json.object());
    app.unsubscribe(connection, "presence-room");
    timers.runNext();
    assertThat(webhooks).containsExactly("channel_occupied", "member_added", "member_added");
    timers.runNext();
    assertThat(webhooks).containsExactly("channel_occupied", "member_added", "member_added", "member_removed");
  }
}
