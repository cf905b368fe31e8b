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
 * <p>Every builder setting works here: the client makes and owns its HTTP transport from the
 * builder (timeouts, pool, proxy, TLS, response size), as the properties set them or as you
 * override them. Two settings take over from the starter: {@code requestListener(...)} replaces the
 * listener that feeds the starter's metrics and health indicator, and {@code transport(...)} makes
 * the transport yours (to configure and to close; {@code channels4j.ssl.bundle} then fails start-up).
 */
@FunctionalInterface
public interface ChannelsClientCustomizer {

  /** Changes the builder in place. */
  void customize(ChannelsClient.Builder builder);
}
