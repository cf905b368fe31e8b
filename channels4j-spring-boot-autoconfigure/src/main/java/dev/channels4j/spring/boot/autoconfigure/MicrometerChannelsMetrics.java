package dev.channels4j.spring.boot.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The starter's meters. Tag values come from small fixed sets (operations, outcomes, channel types,
 * webhook kinds Pusher defines), never from channel names or user ids, so the number of meters stays bounded.
 */
record MicrometerChannelsMetrics(MeterRegistry registry) implements ChannelsMetrics {

  @Override
  public void request(String operation, String outcome, long nanos) {
    Timer.builder("channels4j.requests")
        .description("HTTP requests to the Channels API")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void auth(String channelType, String verdict) {
    Counter.builder("channels4j.auth")
        .description("Answers of the channel authorization and user authentication endpoints")
        .tag("channel.type", channelType)
        .tag("verdict", verdict)
        .register(registry)
        .increment();
  }

  @Override
  public void webhook(String kind, String verdict) {
    Counter.builder("channels4j.webhooks")
        .description("Webhook events received, by kind and verdict")
        .tag("kind", kind)
        .tag("verdict", verdict)
        .register(registry)
        .increment();
  }
}
