package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Publisher;
import dev.channels4j.PublisherOptions;
import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spring.boot.ChannelsConnectionDetails;
import dev.channels4j.spring.boot.ChannelsPublicationDelivery;
import dev.channels4j.spring.boot.ChannelsClientCustomizer;
import dev.channels4j.spring.boot.ChannelsPublisherCustomizer;
import dev.channels4j.spring.boot.TransactionalPublisher;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Creates the {@link ChannelsClient} and {@link Publisher} beans from the {@code channels4j.*}
 * properties, with the application's own JSON mapper, metrics and a health indicator when those
 * are present. Each bean gives way to one the application declares.
 *
 * <pre>{@code
 * @Service
 * class Orders {
 *   Orders(ChannelsClient channels, TransactionalPublisher publisher) { ... }
 * }
 * }</pre>
 *
 * <p>Shutdown order: the publisher depends on the client, so Spring closes the publisher first
 * (delivering what it accepted, within its bounded close), then the client with its HTTP transport.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
    "org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration",
    "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
    "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration"})
@ConditionalOnClass(ChannelsClient.class)
@ConditionalOnProperty(prefix = "channels4j", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ChannelsProperties.class)
@Import({
    ChannelsAutoConfiguration.Jackson3Codec.class,
    ChannelsAutoConfiguration.Jackson2Codec.class,
    ChannelsAutoConfiguration.Metrics.class,
    ChannelsHealthConfigurations.Boot4.class,
    ChannelsHealthConfigurations.Boot3.class,
    ChannelsAutoConfiguration.Sanitizing.class})
public class ChannelsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  RequestOutcomes channels4jRequestOutcomes() {
    return new RequestOutcomes(Clock.systemUTC());
  }

  /** Where to connect, from the properties; a bean of the application (or of the test support) replaces it. */
  // Not when the application builds its own client: it may set no channels4j.* property at all.
  @Bean
  @ConditionalOnMissingBean({ChannelsConnectionDetails.class, ChannelsClient.class})
  ChannelsConnectionDetails channels4jConnectionDetails(ChannelsProperties properties, Environment environment) {
    return new PropertiesChannelsConnectionDetails(properties, environment);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public ChannelsClient channels4jClient(
      ChannelsProperties properties,
      ChannelsConnectionDetails connection,
      ObjectProvider<JsonCodec> codec,
      ObjectProvider<ChannelsClientCustomizer> customizers,
      ObjectProvider<ChannelsMetrics> metrics,
      RequestOutcomes outcomes,
      ObjectProvider<SslBundles> sslBundles) {
    ObservingListener listener = new ObservingListener(metrics.getIfAvailable(() -> ChannelsMetrics.NONE), outcomes);
    SSLContext sslContext = SslBundleContexts.of(properties.getSsl().getBundle(), sslBundles);
    ChannelsClient.Builder builder = ClientFactory.builder(properties, connection, sslContext, listener);
    codec.ifAvailable(builder::jsonCodec);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return ClientFactory.build(builder, connection);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "channels4j.publisher", name = "enabled", havingValue = "true", matchIfMissing = true)
  public Publisher channels4jPublisher(
      ChannelsClient client, ChannelsProperties properties, ObjectProvider<ChannelsPublisherCustomizer> customizers) {
    PublisherOptions.Builder options = ClientFactory.publisherOptions(properties.getPublisher());
    customizers.orderedStream().forEach(customizer -> customizer.customize(options));
    return new CountingPublisher(client.publisher(options.build()));
  }

  /**
   * Durable publishing when the application uses Spring Modulith's event publication registry: the
   * registry records each event of {@link TransactionalPublisher} inside the transaction.
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(value = Publisher.class, type = "org.springframework.modulith.events.core.EventPublicationRegistry")
  public ChannelsPublicationDelivery channels4jPublicationDelivery(
      Publisher publisher, ObjectProvider<JsonCodec> codec, ApplicationEventPublisher events) {
    return new ChannelsPublicationDelivery(publisher, codec.getIfAvailable(JacksonJsonCodecs::defaults), events);
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(Publisher.class)
  public TransactionalPublisher channels4jTransactionalPublisher(
      Publisher publisher, ObjectProvider<ChannelsPublicationDelivery> durable) {
    ChannelsPublicationDelivery delivery = durable.getIfUnique();
    return delivery == null ? new TransactionalPublisher(publisher) : new TransactionalPublisher(publisher, delivery);
  }

  /** Event data serialized by the application's Jackson 3 mapper (Spring Boot 4). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "tools.jackson.databind.ObjectMapper")
  @ConditionalOnSingleCandidate(type = "tools.jackson.databind.ObjectMapper")
  static class Jackson3Codec {
    @Bean
    @ConditionalOnMissingBean
    JsonCodec channels4jJsonCodec(tools.jackson.databind.ObjectMapper mapper) {
      return JsonCodecs.jackson3(mapper);
    }
  }

  /** Event data serialized by the application's Jackson 2 mapper (Spring Boot 3, or Boot 4 with jackson2). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "com.fasterxml.jackson.databind.ObjectMapper")
  @ConditionalOnSingleCandidate(type = "com.fasterxml.jackson.databind.ObjectMapper")
  static class Jackson2Codec {
    @Bean
    @ConditionalOnMissingBean
    JsonCodec channels4jJsonCodec(com.fasterxml.jackson.databind.ObjectMapper mapper) {
      return JsonCodecs.jackson2(mapper);
    }
  }

  /** Micrometer meters when Micrometer is on the class path and a registry is defined. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class Metrics {
    @Bean
    @ConditionalOnMissingBean
    ChannelsMetrics channels4jMetrics(ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
      io.micrometer.core.instrument.MeterRegistry chosen = registry.getIfUnique();
      return chosen == null ? ChannelsMetrics.NONE : new MicrometerChannelsMetrics(chosen);
    }

    // No @ConditionalOnBean(Publisher): this imported class is read before the Publisher bean method.
    @Bean
    io.micrometer.core.instrument.binder.MeterBinder channels4jPublisherMeters(ObjectProvider<Publisher> publisher) {
      return registry -> publisher.ifAvailable(available -> PublisherMeters.bind(available, registry));
    }
  }

  /** Hides secrets in /actuator/env and /actuator/configprops even when values are shown. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
  static class Sanitizing {
    @Bean
    org.springframework.boot.actuate.endpoint.SanitizingFunction channels4jSanitizingFunction() {
      return data -> SecretKeys.isSecret(data.getKey()) ? data.withSanitizedValue() : data;
    }
  }
}
