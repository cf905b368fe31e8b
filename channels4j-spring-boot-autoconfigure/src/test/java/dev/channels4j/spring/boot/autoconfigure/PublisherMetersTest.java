package dev.channels4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.Event;
import dev.channels4j.Publisher;
import dev.channels4j.testsupport.Await;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter publisher's events published and failed are Micrometer {@link Counter}s. */
class PublisherMetersTest {
  @RegisterExtension
  static final SharedLocalServer server = new SharedLocalServer();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ChannelsAutoConfiguration.class,
          MetricsAutoConfiguration.class))
      .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

  @Test
  void aDeliveredEventCountsOnThePublishedCounter() {
    runner.withPropertyValues("channels4j.url=" + server.pusherUrl()).run(context -> {
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      Counter published = registry.find("channels4j.events.published").counter();
      assertThat(published).isNotNull();

      context.getBean(Publisher.class).publish(Event.of("metered", "ev", Map.of())).get(10, TimeUnit.SECONDS);

      Await.until("the published counter counts the event", () -> published.count() == 1, Duration.ofSeconds(5));
      assertThat(registry.find("channels4j.events.failed").counter().count()).isZero();
    });
  }

  @Test
  void anEventRefusedByAClosedPublisherCountsOnTheFailedCounter() {
    runner.withPropertyValues("channels4j.url=" + server.pusherUrl()).run(context -> {
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      Counter failed = registry.find("channels4j.events.failed").counter();
      Publisher publisher = context.getBean(Publisher.class);
      publisher.close();

      assertThat(publisher.publish(Event.of("metered", "ev", Map.of()))).isCompletedExceptionally();

      Await.until("the failed counter counts the refused event", () -> failed.count() == 1, Duration.ofSeconds(5));
      assertThat(registry.find("channels4j.events.published").counter().count()).isZero();
    });
  }
}
