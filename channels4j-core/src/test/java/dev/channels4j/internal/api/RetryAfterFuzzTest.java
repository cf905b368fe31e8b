package dev.channels4j.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** {@code Retry-After} is a server's header: any value is read as a delay of zero or more, or ignored. */
class RetryAfterFuzzTest {

  @Property
  void anyRetryAfterValueIsADelayOfZeroOrMoreOrNothing(@ForAll String value) {
    Duration delay = Dispatcher.parseRetryAfter(value);

    assertThat(delay == null || !delay.isNegative()).isTrue();
  }

  @Property
  void anyNumberOfSecondsIsADelayOfZeroOrMoreOrNothing(@ForAll long seconds) {
    Duration delay = Dispatcher.parseRetryAfter(Long.toString(seconds));

    assertThat(delay == null || !delay.isNegative()).isTrue();
  }
}
