package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The servlet endpoints: {@code POST /pusher/auth} and {@code /pusher/user-auth} answered by the
 * application's {@link dev.channels4j.spring.boot.ChannelAuthorization} rules, and
 * {@code POST /pusher/webhooks} publishing each verified {@link dev.channels4j.webhook.WebhookEvent}
 * as a Spring application event. {@link ChannelsWebFluxAutoConfiguration} is the same on WebFlux.
 *
 * <pre>{@code
 * @EventListener
 * void on(WebhookEvent.MemberAdded added) { log.info("{} joined {}", added.userId(), added.channel()); }
 * }</pre>
 */
@AutoConfiguration(after = ChannelsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"jakarta.servlet.Filter", "org.springframework.web.servlet.DispatcherServlet"})
@ConditionalOnBean(ChannelsClient.class)
@Import(ChannelsEndpointsConfiguration.class)
public class ChannelsWebAutoConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = "channels4j.auth", name = "enabled", havingValue = "true", matchIfMissing = true)
  ChannelsAuthEndpoints channelsAuthEndpoints(AuthAnswers channelsAuthAnswers) {
    return new ChannelsAuthEndpoints(channelsAuthAnswers);
  }

  /** The webhook endpoint, as a filter ahead of Spring Security so that it sees the raw body. */
  @Bean
  @ConditionalOnProperty(prefix = "channels4j.webhooks", name = "enabled", havingValue = "true", matchIfMissing = true)
  FilterRegistrationBean<ChannelsWebhookFilter> channelsWebhookFilter(WebhookAnswers channelsWebhookAnswers) {
    FilterRegistrationBean<ChannelsWebhookFilter> registration =
        new FilterRegistrationBean<>(new ChannelsWebhookFilter(channelsWebhookAnswers));
    registration.addUrlPatterns(channelsWebhookAnswers.path());
    registration.setName("channels4jWebhookFilter");
    // Ahead of Spring Security (-100) and every filter that might read parameters.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
