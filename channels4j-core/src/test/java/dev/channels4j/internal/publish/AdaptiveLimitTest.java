package dev.channels4j.internal.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The in-flight window: grows while latency holds, shrinks on slow or failed answers, stays in bounds. */
class AdaptiveLimitTest {
  private static final long MS = 1_000_000L;
  private long now = 1_000 * MS;

  /** A full window of answers, each sent with the window full, answered {@code rttMs} later. */
  private void roundTrip(AdaptiveLimit limit, long rttMs) {
    int window = limit.current();
    long sentAt = now;
    now += rttMs * MS;
    for (int i = 0; i < window; i++) {
      limit.onAnswer(sentAt, now, window, false);
    }
  }

  @Test
  void startsAtTheFloor() {
    assertThat(new AdaptiveLimit(16, 256).current()).isEqualTo(16);
  }

  @Test
  void aFullWindowAnsweredAtTheSameLatencyDoublesInOneRoundTrip() {
    AdaptiveLimit limit = new AdaptiveLimit(16, 256);

    roundTrip(limit, 80);

    assertThat(limit.current()).isEqualTo(32);
  }

  @Test
  void growsNoFurtherThanTheCeiling() {
    AdaptiveLimit limit = new AdaptiveLimit(16, 100);

    for (int i = 0; i < 10; i++) {
      roundTrip(limit, 80);
    }

    assertThat(limit.current()).isEqualTo(100);
  }

  @Test
  void doesNotGrowWhileLessThanHalfTheWindowIsInUse() {
    AdaptiveLimit limit = new AdaptiveLimit(16, 256);

    for (int i = 0; i < 100; i++) {
      limit.onAnswer(now, now + 80 * MS, 7, false);
      now += 80 * MS;
    }

    assertThat(limit.current()).isEqualTo(16);
  }

  @Test
  void shrinksWhenAnswersTakeMoreThanTwiceTheNoLoadRoundTrip() {
    AdaptiveLimit limit = new AdaptiveLimit(16, 256);
    roundTrip(limit, 80);
    roundTrip(limit, 80);
    assertThat(limit.current()).isEqualTo(64);

    for (int i = 0; i < 10; i++) {
      limit.onAnswer(now, now + 200 * MS, 64, false);
    }

    assertThat(limit.current()).isEqualTo(54);
  }

  @Test
  void aSlowAnswerToARequestOnANewConnectionDoesNotShrinkIt() {
    AdaptiveLimit limit = new AdaptiveLimit(16, 256);
    roundTrip(limit, 80);

    for (int i = 0; i < 10; i++) {
      limit.onAnswer(now, now + 250 * MS, 40 + i, true, false);
    }

    assertThat(limit.current()).isEqualTo(32);
  }

  @Test
  void stillGrowsWhenAnswersAreSlowerButWithinTheTolerance() {
    AdaptiveLimit limit = new AdaptiveLimit(16, 256);
    roundTrip(limit, 80);

    roundTrip(limit, 150);

    assertThat(limit.current()).isEqualTo(64);
  }

  @Test
  void onAShortRouteStillGrowsWhileAnswersStayWithinTheAbsoluteSlack() {
    AdaptiveLimit limit = new AdaptiveLimit(16, 256);
    roundTrip(limit, 1);
    assertThat(limit.current()).isEqualTo(32);

    roundTrip(limit, 4);

    assertThat(limit.current()).isEqualTo(64);
  }

  @Test
  void onAShortRouteShrinksOnceAnswersArePastTheAbsoluteSlack() {
    AdaptiveLimit limit = new AdaptiveLimit(16, 256);
    roundTrip(limit, 1);

    for (int i = 0; i < 10; i++) {
      limit.onAnswer(now, now + 7 * MS, 32, false);
    }

    assertThat(limit.current()).isEqualTo(22);
  }

  @Test
  void neverShrinksBelowTheFloor() {
    AdaptiveLimit limit = new AdaptiveLimit(16, 256);
    roundTrip(limit, 1);

    for (int i = 0; i < 1000; i++) {
      limit.onAnswer(now, now + 50 * MS, 16, false);
    }

    assertThat(limit.current()).isEqualTo(16);
  }

  @Test
  void aFailureHalvesTheWindow() {
    AdaptiveLimit limit = new AdaptiveLimit(16, 256);
    roundTrip(limit, 80);
    roundTrip(limit, 80);

    limit.onAnswer(now, now + 80 * MS, 64, true);

    assertThat(limit.current()).isEqualTo(32);
  }

  @Test
  void failuresOfRequestsSentBeforeTheLastHalvingDoNotHalveItAgain() {
    AdaptiveLimit limit = new AdaptiveLimit(16, 256);
    roundTrip(limit, 80);
    roundTrip(limit, 80);
    long sentTogether = now;
    now += 80 * MS;

    for (int i = 0; i < 64; i++) {
      limit.onAnswer(sentTogether, now + i, 64, true);
    }
    assertThat(limit.current()).isEqualTo(32);

    long sentAfter = now + 100;
    limit.onAnswer(sentAfter, sentAfter + 80 * MS, 32, true);
    assertThat(limit.current()).isEqualTo(16);
  }

  @Test
  void theNoLoadRoundTripFollowsARouteThatGotLonger() {
    AdaptiveLimit limit = new AdaptiveLimit(16, 256);
    roundTrip(limit, 20);
    assertThat(limit.noLoadRtt()).isEqualTo(20 * MS);

    // Two periods of 10 s at 80 ms: the 20 ms of before are forgotten.
    for (int i = 0; i < 260; i++) {
      limit.onAnswer(now, now + 80 * MS, 1, false);
      now += 80 * MS;
    }

    assertThat(limit.noLoadRtt()).isEqualTo(80 * MS);
  }

  @Test
  void aFloorAboveTheCeilingIsRefused() {
    assertThatThrownBy(() -> new AdaptiveLimit(32, 16)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("floor");
  }
}
