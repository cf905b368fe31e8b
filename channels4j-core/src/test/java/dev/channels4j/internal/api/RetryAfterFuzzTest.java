package dev.channels4j.internal.api;

import dev.channels4j.testsupport.Fuzz;
import static org.assertj.core.api.Assertions.assertThat;


import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} is a server's header: any value is read as a delay of zero or more, or ignored. */
class RetryAfterFuzzTest {

  @Test
  void anyRetryAfterValueIsADelayOfZeroOrMoreOrNothing() {
    Fuzz.forAll("anyRetryAfterValue", g -> g.string(255), value -> {
      Duration delay = RetrySchedule.retryAfter(value, java.time.Clock.systemUTC());

      assertThat(delay == null || !delay.isNegative()).as("delay %s", delay).isTrue();
    });
  }

  @Test
  void anyNumberOfSecondsIsADelayOfZeroOrMoreOrNothing() {
    Fuzz.forAll("anyNumberOfSeconds", Fuzz.Gen::anyLong, seconds -> {
      Duration delay = RetrySchedule.retryAfter(Long.toString(seconds), java.time.Clock.systemUTC());

      assertThat(delay == null || !delay.isNegative()).as("delay %s", delay).isTrue();
    });
  }
}
