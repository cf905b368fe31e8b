package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import dev.channels4j.PublisherOptions;
import dev.channels4j.RetryPolicy;
import dev.channels4j.ValidationException;
import dev.channels4j.internal.transport.ApacheTransport;
import dev.channels4j.spi.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * Turns {@link ChannelsProperties} into a client builder and publisher options. Every problem
 * becomes an {@link InvalidConfigurationPropertyValueException} naming the property, which Spring
 * Boot reports at start-up; secret values are shown as {@code <hidden>}.
 */
final class ClientFactory {
  static final String HIDDEN = "<hidden>";

  /** Builder messages start with the builder setting's name: which property that is. */
  private static final Map<String, String> PROPERTY_OF_SETTING = Map.ofEntries(
      Map.entry("appId", "channels4j.app-id"),
      Map.entry("key", "channels4j.key"),
      Map.entry("secret", "channels4j.secret"),
      Map.entry("cluster", "channels4j.cluster"),
      Map.entry("host", "channels4j.host"),
      Map.entry("port", "channels4j.port"),
      Map.entry("timeout", "channels4j.timeout"),
      Map.entry("connectTimeout", "channels4j.connect-timeout"),
      Map.entry("maxDataSize", "channels4j.max-data-size"),
      Map.entry("maxBatchSize", "channels4j.max-batch-size"),
      Map.entry("maxConnections", "channels4j.max-connections"),
      Map.entry("proxy", "channels4j.proxy.host"),
      Map.entry("encryptionMasterKeyBase64", "channels4j.encryption-master-key"),
      Map.entry("the encryption master key", "channels4j.encryption-master-key"),
      Map.entry("set either cluster", "channels4j.cluster"),
      Map.entry("no server", "channels4j.cluster"));

  private ClientFactory() {}

  static ChannelsClient.Builder builder(
      ChannelsProperties p, Environment environment, ChannelsMetrics metrics, RequestOutcomes outcomes) {
    ChannelsClient.Builder builder = ChannelsClient.builder();
    boolean explicit = p.getUrl() != null || p.getAppId() != null || p.getKey() != null
        || p.getSecret() != null || p.getCluster() != null || p.getHost() != null;
    String url = p.getUrl();
    String urlProperty = "channels4j.url";
    if (!explicit) {
      url = environment.getProperty("PUSHER_URL");
      urlProperty = "PUSHER_URL";
    }
    if (url != null && !url.isBlank()) {
      String chosen = url.trim();
      apply(urlProperty, HIDDEN, () -> builder.url(chosen));
    } else {
      String hint = ": set it, or channels4j.url, or the PUSHER_URL environment variable";
      require(p.getAppId(), "channels4j.app-id", hint);
      require(p.getKey(), "channels4j.key", hint);
      require(p.getSecret(), "channels4j.secret", hint);
      if (p.getCluster() == null && p.getHost() == null) {
        throw new InvalidConfigurationPropertyValueException("channels4j.cluster", null,
            "no server: set channels4j.cluster (e.g. eu) for Pusher, or channels4j.host (and channels4j.port,"
                + " channels4j.use-tls=false) for a local server");
      }
      builder.useTls(p.isUseTls());
    }
    if (p.getAppId() != null) {
      builder.appId(p.getAppId());
    }
    if (p.getKey() != null) {
      builder.key(p.getKey());
    }
    if (p.getSecret() != null) {
      builder.secret(p.getSecret());
    }
    if (p.getCluster() != null) {
      builder.cluster(p.getCluster());
    }
    if (p.getHost() != null) {
      builder.host(p.getHost());
      builder.useTls(p.isUseTls());
    }
    if (p.getPort() != null) {
      builder.port(p.getPort());
    }
    if (p.getEncryptionMasterKey() != null && !p.getEncryptionMasterKey().isBlank()) {
      builder.encryptionMasterKeyBase64(p.getEncryptionMasterKey());
    }
    Duration timeout = positive(p.getTimeout(), "channels4j.timeout");
    Duration connectTimeout = positive(p.getConnectTimeout(), "channels4j.connect-timeout");
    if (p.getMaxConnections() < 1) {
      throw new InvalidConfigurationPropertyValueException(
          "channels4j.max-connections", p.getMaxConnections(), "must be at least 1");
    }
    if (p.getMaxDataSize() == null || p.getMaxDataSize().toBytes() < 1 || p.getMaxDataSize().toBytes() > Integer.MAX_VALUE) {
      throw new InvalidConfigurationPropertyValueException(
          "channels4j.max-data-size", p.getMaxDataSize(), "must be between 1B and 2GB");
    }
    builder.timeout(timeout).connectTimeout(connectTimeout).maxConnections(p.getMaxConnections());
    builder.maxDataSize((int) p.getMaxDataSize().toBytes()).maxBatchSize(p.getMaxBatchSize());
    builder.retryPolicy(retryPolicy(p.getRetry()));
    ApacheTransport.Proxy proxy = proxy(p.getProxy());
    if (proxy != null) {
      builder.proxy(proxy.host(), proxy.port(), proxy.username(), proxy.password());
    }
    int maxConnections = p.getMaxConnections();
    Supplier<Transport> real = () -> new ApacheTransport(connectTimeout, timeout, maxConnections, proxy);
    builder.transport(new ObservedTransport(real, metrics, outcomes));
    List<ChannelsProperties.Credential> credentials = p.getWebhooks().getCredentials();
    for (int i = 0; i < credentials.size(); i++) {
      ChannelsProperties.Credential credential = credentials.get(i);
      String prefix = "channels4j.webhooks.credentials[" + i + "].";
      require(credential.getKey(), prefix + "key", "");
      require(credential.getSecret(), prefix + "secret", "");
      CoreApi.webhookCredentials(builder, credential.getKey(), credential.getSecret());
    }
    return builder;
  }

  /** Builds the client; a setting the builder refuses is reported under its property. */
  static ChannelsClient build(ChannelsClient.Builder builder) {
    try {
      return builder.build();
    } catch (ValidationException e) {
      String message = e.getMessage();
      String property = PROPERTY_OF_SETTING.entrySet().stream()
          .filter(entry -> message.startsWith(entry.getKey() + " ") || message.startsWith(entry.getKey() + ":")
              || message.startsWith(entry.getKey() + ","))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse("channels4j");
      throw new InvalidConfigurationPropertyValueException(property, HIDDEN, message);
    }
  }

  static PublisherOptions.Builder publisherOptions(ChannelsProperties.Publisher p) {
    PublisherOptions.Builder options = PublisherOptions.builder();
    apply("channels4j.publisher.linger", p.getLinger(), () -> options.linger(p.getLinger()));
    apply("channels4j.publisher.max-in-flight-requests", p.getMaxInFlightRequests(),
        () -> options.maxInFlightRequests(p.getMaxInFlightRequests()));
    apply("channels4j.publisher.queue-capacity", p.getQueueCapacity(), () -> options.queueCapacity(p.getQueueCapacity()));
    apply("channels4j.publisher.backpressure", p.getBackpressure(), () -> options.backpressure(p.getBackpressure()));
    return options;
  }

  private static RetryPolicy retryPolicy(ChannelsProperties.Retry r) {
    RetryPolicy.Builder retry = RetryPolicy.builder();
    apply("channels4j.retry.max-attempts", r.getMaxAttempts(), () -> retry.maxAttempts(r.getMaxAttempts()));
    apply("channels4j.retry.initial-backoff", r.getInitialBackoff(), () -> retry.initialBackoff(r.getInitialBackoff()));
    apply("channels4j.retry.max-backoff", r.getMaxBackoff(), () -> retry.maxBackoff(r.getMaxBackoff()));
    retry.retryPosts(r.isRetryPosts());
    try {
      return retry.build();
    } catch (ValidationException e) {
      throw new InvalidConfigurationPropertyValueException("channels4j.retry", null, e.getMessage());
    }
  }

  private static ApacheTransport.Proxy proxy(ChannelsProperties.Proxy p) {
    if (p.getHost() == null || p.getHost().isBlank()) {
      return null;
    }
    if (p.getPort() == null || p.getPort() < 1 || p.getPort() > 65535) {
      throw new InvalidConfigurationPropertyValueException(
          "channels4j.proxy.port", p.getPort(), "a proxy needs a port between 1 and 65535");
    }
    return new ApacheTransport.Proxy(p.getHost(), p.getPort(), p.getUsername(), p.getPassword());
  }

  private static Duration positive(Duration value, String property) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new InvalidConfigurationPropertyValueException(property, value, "must be a positive duration, e.g. 5s");
    }
    return value;
  }

  private static void require(String value, String property, String hint) {
    if (value == null || value.isBlank()) {
      throw new InvalidConfigurationPropertyValueException(property, null, property + " is missing" + hint);
    }
  }

  private static void apply(String property, Object shownValue, Runnable setter) {
    try {
      setter.run();
    } catch (ValidationException e) {
      throw new InvalidConfigurationPropertyValueException(property, shownValue, e.getMessage());
    }
  }
}
