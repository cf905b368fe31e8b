package dev.channels4j.examples.reactive;

import java.time.Instant;

/** An order; serialized by the application's JSON mapper, in REST answers and in events alike. */
public record Order(long id, String owner, String item, Instant createdAt) {}
