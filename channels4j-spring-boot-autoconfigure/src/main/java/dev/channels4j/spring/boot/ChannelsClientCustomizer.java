package dev.channels4j.spring.boot;

import dev.channels4j.ChannelsClient;

/**
 * Changes the {@link ChannelsClient.Builder} after the {@code channels4j.*} properties are applied
 * and before the client bean is built. Declare any number as beans; they run in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * ChannelsClientCustomizer noRetries() {
 *   return builder -> builder.retryPolicy(RetryPolicy.none());
 * }
 * }</pre>
 *
 * <p>The builder already holds the starter's HTTP transport, made from the properties (and timed
 * for the metrics and the health indicator). The connection settings of that transport are
 * {@code connectTimeout}, {@code maxConnections}, {@code proxy} and {@code maxResponseSize}. Setting
 * them here does not reach it. Set them as {@code channels4j.*} properties instead, or give the
 * builder a transport of your own with {@code builder.transport(...)}. A transport you give is yours
 * to close.
 */
@FunctionalInterface
public interface ChannelsClientCustomizer {

  /** Changes the builder in place. */
  void customize(ChannelsClient.Builder builder);
}
