package dev.channels4j.spring.boot;

import dev.channels4j.ChannelsClient;

/**
 * Changes the {@link ChannelsClient.Builder} after the {@code channels4j.*} properties are applied
 * and before the client bean is built. Declare any number as beans; they run in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * ChannelsClientCustomizer rotation(@Value("${old-webhook-secret}") String old) {
 *   return builder -> builder.retryPolicy(RetryPolicy.none());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ChannelsClientCustomizer {

  /** Changes the builder in place. */
  void customize(ChannelsClient.Builder builder);
}
