package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.Publisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Publisher's queue depth, requests in flight and its window, read from its stats, and events
 * published and failed: {@link Counter}s counted as each event's future ends when the publisher is
 * the starter's, else (an application's own {@code Publisher} bean) {@link FunctionCounter}s read
 * from its stats.
 */
final class PublisherMeters {
  private static final String PUBLISHED = "channels4j.events.published";
  private static final String PUBLISHED_TEXT = "Events the publisher delivered to the API";
  private static final String FAILED = "channels4j.events.failed";
  private static final String FAILED_TEXT = "Events whose future failed: refused by publish (invalid, queue full, "
      + "closed) or failed by their request";

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
    if (publisher instanceof CountingPublisher counting) {
      Counter published = Counter.builder(PUBLISHED).description(PUBLISHED_TEXT).register(registry);
      Counter failed = Counter.builder(FAILED).description(FAILED_TEXT).register(registry);
      counting.onOutcome(failure -> (failure == null ? published : failed).increment());
    } else {
      FunctionCounter.builder(PUBLISHED, publisher, p -> p.stats().eventsSent())
          .description(PUBLISHED_TEXT).register(registry);
      FunctionCounter.builder(FAILED, publisher, p -> p.stats().eventsFailed())
          .description(FAILED_TEXT).register(registry);
    }
  }
}
