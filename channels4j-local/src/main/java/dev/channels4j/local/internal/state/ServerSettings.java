package dev.channels4j.local.internal.state;

import dev.channels4j.local.Limits;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Settings shared by every app of one server.
 *
 * @param clock wall-clock time: request timestamps, cache expiry, accepted events
 * @param ticker monotonic nanoseconds for every timeout and throttle of the state (System::nanoTime
 *     unless a test injects its own)
 */
public record ServerSettings(
    Limits limits, Duration activityTimeout, Duration pongTimeout, Duration vacancyDelay, Duration cacheTtl, Clock clock,
    LongSupplier ticker, Counters counters) {

  public long nanoTime() {
    return ticker.getAsLong();
  }
}
