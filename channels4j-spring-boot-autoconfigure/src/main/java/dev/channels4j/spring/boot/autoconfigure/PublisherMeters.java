package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.Publisher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Publisher's queue depth, requests in flight and its window, and events sent and failed, read
 * from its stats.
 */
final class PublisherMeters {
  private PublisherMeters() {}

  static void bind(Publisher publisher, MeterRegistry registry) {
    Gauge.builder("channels4j.publisher.queued", publisher, p -> p.stats().queuedEvents())
        .description("Events accepted by the publisher and waiting to be sent")
        .register(registry);
    Gauge.builder("channels4j.publisher.in.flight", publisher, p -> p.stats().inFlightRequests())
        .description("Batch requests of the publisher in flight")
        .register(registry);
    Gauge.builder("channels4j.publisher.in.flight.limit", publisher, p -> p.stats().inFlightLimit())
        .description("How many batch requests the publisher's adaptive window lets in flight now")
        .register(registry);
    FunctionCounter.builder("channels4j.events.published", publisher, p -> p.stats().eventsSent())
        .description("Events the publisher delivered to the API")
        .register(registry);
    FunctionCounter.builder("channels4j.events.failed", publisher, p -> p.stats().eventsFailed())
        .description("Events the publisher could not deliver")
        .register(registry);
  }
}
