package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The WebFlux endpoints: the same {@code POST /pusher/auth}, {@code /pusher/user-auth} and
 * {@code /pusher/webhooks} as {@link ChannelsWebAutoConfiguration} on a servlet application, with
 * the same rules, properties, statuses and bodies. Rules, the user resolver and webhook listeners
 * run on Reactor's bounded-elastic scheduler, so they may block.
 *
 * <pre>{@code
 * @ChannelAuthorization("private-orders.{orderId}")
 * boolean canSee(Principal user, @ChannelVariable long orderId) {
 *   return orders.ownerOf(orderId).equals(user.getName());   // a blocking call is fine here
 * }
 * }</pre>
 */
@AutoConfiguration(after = ChannelsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = {"org.springframework.web.reactive.DispatcherHandler", "reactor.core.publisher.Mono"})
@ConditionalOnBean(ChannelsClient.class)
@Import(ChannelsEndpointsConfiguration.class)
public class ChannelsWebFluxAutoConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = "channels4j.auth", name = "enabled", havingValue = "true", matchIfMissing = true)
  ReactiveChannelsAuthEndpoints channelsAuthEndpoints(AuthAnswers channelsAuthAnswers) {
    return new ReactiveChannelsAuthEndpoints(channelsAuthAnswers);
  }

  /** The webhook endpoint, as a web filter ahead of Spring Security so that it sees the raw body. */
  @Bean
  @ConditionalOnProperty(prefix = "channels4j.webhooks", name = "enabled", havingValue = "true", matchIfMissing = true)
  ReactiveChannelsWebhookFilter channelsWebhookFilter(WebhookAnswers channelsWebhookAnswers) {
    return new ReactiveChannelsWebhookFilter(channelsWebhookAnswers);
  }
}
