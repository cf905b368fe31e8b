package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.UserData;
import dev.channels4j.spring.boot.ChannelsUserResolver;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;

/**
 * The servlet endpoints: {@code POST /pusher/auth} and {@code /pusher/user-auth} answered by the
 * application's {@link dev.channels4j.spring.boot.ChannelAuthorization} rules, and
 * {@code POST /pusher/webhooks} publishing each verified {@link dev.channels4j.webhook.WebhookEvent}
 * as a Spring application event.
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
public class ChannelsWebAutoConfiguration {

  /** The auth endpoints and the rules they ask. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "channels4j.auth", name = "enabled", havingValue = "true", matchIfMissing = true)
  static class Auth {
    @Bean
    static ChannelRules channelsAuthorizationRules(ConfigurableListableBeanFactory beanFactory) {
      return new ChannelRules(beanFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    ChannelsUserResolver channelsUserResolver() {
      return principal -> UserData.of(principal.getName());
    }

    @Bean
    ChannelsAuthEndpoints channelsAuthEndpoints(ChannelsClient client, ChannelRules rules, ChannelsUserResolver users,
        ObjectProvider<ChannelsMetrics> metrics, ObjectProvider<ConversionService> conversions) {
      // Spring MVC's conversion service holds the converters and formatters the application registers.
      ConversionService conversion = conversions.getIfUnique(DefaultConversionService::getSharedInstance);
      return new ChannelsAuthEndpoints(client, rules, users, conversion,
          metrics.getIfAvailable(() -> ChannelsMetrics.NONE));
    }
  }

  /** The webhook endpoint, as a filter ahead of Spring Security so that it sees the raw body. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "channels4j.webhooks", name = "enabled", havingValue = "true", matchIfMissing = true)
  static class Webhooks {
    @Bean
    FilterRegistrationBean<ChannelsWebhookFilter> channelsWebhookFilter(ChannelsClient client,
        ChannelsProperties properties, ApplicationEventPublisher events, ObjectProvider<ChannelsMetrics> metrics) {
      ChannelsProperties.Webhooks settings = properties.getWebhooks();
      String path = settings.getPath();
      if (path == null || !path.startsWith("/") || path.contains("*")) {
        throw new InvalidConfigurationPropertyValueException("channels4j.webhooks.path", path, "must be a path like /pusher/webhooks");
      }
      if (settings.getMaxAge() == null || settings.getMaxAge().isNegative() || settings.getMaxAge().isZero()) {
        throw new InvalidConfigurationPropertyValueException(
            "channels4j.webhooks.max-age", settings.getMaxAge(), "must be a positive duration, e.g. 5m");
      }
      long maxBody = settings.getMaxBodySize() == null ? -1 : settings.getMaxBodySize().toBytes();
      if (maxBody < 1 || maxBody > 64L * 1024 * 1024) {
        throw new InvalidConfigurationPropertyValueException(
            "channels4j.webhooks.max-body-size", settings.getMaxBodySize(), "must be between 1B and 64MB");
      }
      ChannelsWebhookFilter filter = new ChannelsWebhookFilter(client, events,
          metrics.getIfAvailable(() -> ChannelsMetrics.NONE), settings.getMaxAge(), (int) maxBody, Clock.systemUTC());
      FilterRegistrationBean<ChannelsWebhookFilter> registration = new FilterRegistrationBean<>(filter);
      registration.addUrlPatterns(path);
      registration.setName("channels4jWebhookFilter");
      // Ahead of Spring Security (-100) and every filter that might read parameters.
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      return registration;
    }
  }
}
