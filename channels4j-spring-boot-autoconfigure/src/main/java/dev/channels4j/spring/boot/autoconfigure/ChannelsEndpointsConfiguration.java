package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.UserData;
import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spring.boot.ChannelsUserResolver;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;

/**
 * What the servlet and the WebFlux endpoints share: the rules, the user resolver and the
 * stack-neutral logic of the auth and webhook endpoints, from the same properties. Imported by
 * {@link ChannelsWebAutoConfiguration} and {@link ChannelsWebFluxAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class ChannelsEndpointsConfiguration {

  /** Error bodies in the application's JSON codec when it has one, else core's default. */
  static JsonCodec json(ObjectProvider<JsonCodec> codec) {
    return codec.getIfUnique(JacksonJsonCodecs::defaults);
  }

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
    AuthAnswers channelsAuthAnswers(ChannelsClient client, ChannelRules rules, ChannelsUserResolver users,
        ObjectProvider<ChannelsMetrics> metrics, ObjectProvider<ConversionService> conversions,
        ObjectProvider<JsonCodec> codec) {
      // Spring MVC's or WebFlux's conversion service holds the converters and formatters the
      // application registers.
      ConversionService conversion = conversions.getIfUnique(DefaultConversionService::getSharedInstance);
      return new AuthAnswers(client, rules, users, conversion, metrics.getIfAvailable(() -> ChannelsMetrics.NONE),
          json(codec));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "channels4j.webhooks", name = "enabled", havingValue = "true", matchIfMissing = true)
  static class Webhooks {
    @Bean
    WebhookAnswers channelsWebhookAnswers(ChannelsClient client, ChannelsProperties properties,
        ApplicationEventPublisher events, ObjectProvider<ChannelsMetrics> metrics, ObjectProvider<JsonCodec> codec) {
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
      return new WebhookAnswers(client, events, metrics.getIfAvailable(() -> ChannelsMetrics.NONE), json(codec),
          path, settings.getMaxAge(), (int) maxBody, Clock.systemUTC());
    }
  }
}
