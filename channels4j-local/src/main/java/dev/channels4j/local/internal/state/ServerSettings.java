package dev.channels4j.local.internal.state;

import dev.channels4j.local.Limits;
import java.time.Clock;
import java.time.Duration;

/** Settings shared by every app of one server. */
public record ServerSettings(
    Limits limits, Duration activityTimeout, Duration pongTimeout, Duration vacancyDelay, Duration cacheTtl, Clock clock,
    Counters counters) {}
