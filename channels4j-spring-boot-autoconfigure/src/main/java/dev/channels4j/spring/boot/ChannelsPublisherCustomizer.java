package dev.channels4j.spring.boot;

import dev.channels4j.PublisherOptions;

/**
 * Changes the {@link PublisherOptions.Builder} of the {@link dev.channels4j.Publisher} bean after the
 * {@code channels4j.publisher.*} properties are applied. Declare any number as beans.
 *
 * <pre>{@code
 * @Bean
 * ChannelsPublisherCustomizer failFast() {
 *   return options -> options.backpressure(PublisherOptions.Backpressure.FAIL_FAST);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ChannelsPublisherCustomizer {

  /** Changes the builder in place. */
  void customize(PublisherOptions.Builder options);
}
