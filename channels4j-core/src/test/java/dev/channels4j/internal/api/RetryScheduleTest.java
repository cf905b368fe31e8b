package dev.channels4j.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the dispatcher reads a {@link RetryPolicy}: attempts per method, and backoff delays. */
class RetryScheduleTest {

  // ---- delays -----------------------------------------------------------------------------

  @Test
  void delayStaysWithinTheExponentialCeiling() {
    RetryPolicy policy = RetryPolicy.builder()
        .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(1000)).build();

    for (int i = 0; i < 200; i++) {
      assertThat(RetrySchedule.delayAfter(policy, 1, null)).isBetween(Duration.ZERO, Duration.ofMillis(100));
      assertThat(RetrySchedule.delayAfter(policy, 2, null)).isBetween(Duration.ZERO, Duration.ofMillis(200));
      assertThat(RetrySchedule.delayAfter(policy, 3, null)).isBetween(Duration.ZERO, Duration.ofMillis(400));
      assertThat(RetrySchedule.delayAfter(policy, 9, null)).isBetween(Duration.ZERO, Duration.ofMillis(1000));
    }
  }

  @Test
  void delayIsJitteredRatherThanFixed() {
    RetryPolicy policy = RetryPolicy.builder()
        .initialBackoff(Duration.ofMillis(1000)).maxBackoff(Duration.ofMillis(1000)).build();

    long distinct = java.util.stream.IntStream.range(0, 100)
        .mapToObj(i -> RetrySchedule.delayAfter(policy, 1, null)).distinct().count();

    assertThat(distinct).isGreaterThan(10);
  }

  @Test
  void delayOfAVeryLateAttemptDoesNotOverflow() {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(10).build();

    assertThat(RetrySchedule.delayAfter(policy, 10_000, null)).isBetween(Duration.ZERO, policy.maxBackoff());
  }

  @Test
  void retryAfterIsUsedAsTheDelay() {
    RetryPolicy policy = RetryPolicy.builder().maxBackoff(Duration.ofSeconds(10)).build();

    assertThat(RetrySchedule.delayAfter(policy, 1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    assertThat(RetrySchedule.delayAfter(policy, 1, Duration.ZERO)).isEqualTo(Duration.ZERO);
  }

  @Test
  void aRetryAfterLongerThanMaxBackoffMeansNoRetry() {
    RetryPolicy policy = RetryPolicy.builder().maxBackoff(Duration.ofSeconds(2)).build();

    assertThat(RetrySchedule.delayAfter(policy, 1, Duration.ofSeconds(120))).isNull();
  }

  @Test
  void aRetryAfterOfExactlyMaxBackoffIsWaited() {
    RetryPolicy policy = RetryPolicy.builder().maxBackoff(Duration.ofSeconds(2)).build();

    assertThat(RetrySchedule.delayAfter(policy, 1, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void attemptsDependOnMethodUnlessPostsAreRetried() {
    assertThat(RetrySchedule.attemptsFor(RetryPolicy.defaults(), "GET")).isEqualTo(3);
    assertThat(RetrySchedule.attemptsFor(RetryPolicy.defaults(), "POST")).isEqualTo(1);
    assertThat(RetrySchedule.attemptsFor(RetryPolicy.builder().retryPosts(true).build(), "POST")).isEqualTo(3);
  }
}
