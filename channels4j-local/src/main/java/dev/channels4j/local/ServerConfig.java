package dev.channels4j.local;

import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/** What {@link LocalServer.Builder} settled, for the runtime. */
record ServerConfig(
    String host, int port, Limits limits, Duration activityTimeout, Duration pongTimeout, Duration vacancyDelay,
    Duration cacheTtl, Duration webhookRetryFor, Duration webhookInitialBackoff, Clock clock, LongSupplier ticker,
    TlsIdentity tls) {}
