package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.Publisher;
import io.micrometer.core.instrument.MeterRegistry;

/** The Publisher's queue and throughput as meters. */
final class PublisherMeters {
  private PublisherMeters() {}

  static void bind(Publisher publisher, MeterRegistry registry) {
    // Publisher.stats() (queued events, in-flight requests, events sent and failed) arrives with the
    // 1.0 API; the gauges are bound here once it has.
  }
}
