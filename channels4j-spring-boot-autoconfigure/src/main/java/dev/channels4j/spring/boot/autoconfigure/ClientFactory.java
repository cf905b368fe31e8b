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
import org.springframework.core.env.Environment;

/**
 * Turns {@link ChannelsProperties} into a client builder, its transport and publisher options.
 * Every problem becomes a {@link ChannelsConfigurationException} naming the property, which Spring
 * Boot reports at start-up without the value (see {@link ChannelsConfigurationFailureAnalyzer}).
 */
final class ClientFactory {
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

  static ChannelsClient.Builder builder(ChannelsProperties p, Environment environment, Transport transport) {
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
      apply(urlProperty, () -> builder.url(chosen));
    } else {
      String hint = ": set it, or channels4j.url, or the PUSHER_URL environment variable";
      require(p.getAppId(), "channels4j.app-id", hint);
      require(p.getKey(), "channels4j.key", hint);
      require(p.getSecret(), "channels4j.secret", hint);
      if (p.getCluster() == null && p.getHost() == null) {
        throw new ChannelsConfigurationException("channels4j.cluster",
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
    builder.timeout(timeout).connectTimeout(connectTimeout).maxConnections(maxConnections(p));
    builder.maxDataSize(maxDataSize(p)).maxBatchSize(p.getMaxBatchSize());
    builder.retryPolicy(retryPolicy(p.getRetry()));
    ApacheTransport.Proxy proxy = proxy(p.getProxy());
    if (proxy != null) {
      apply("channels4j.proxy.host", () -> {
        if (proxy.username() == null) {
          builder.proxy(proxy.host(), proxy.port());
        } else {
          builder.proxy(proxy.host(), proxy.port(), proxy.username(), proxy.password());
        }
      });
    }
    builder.transport(transport);
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

  /**
   * The transport the client bean uses, timed and observed. The HTTP client behind it is made on
   * first use from the connection properties, so that a client bean the application replaces
   * leaves no connection pool behind. The client does not own a transport it was given: the
   * auto-configuration closes this one after the client.
   */
  static ObservedTransport transport(ChannelsProperties p, ChannelsMetrics metrics, RequestOutcomes outcomes) {
    Duration timeout = positive(p.getTimeout(), "channels4j.timeout");
    Duration connectTimeout = positive(p.getConnectTimeout(), "channels4j.connect-timeout");
    int maxConnections = maxConnections(p);
    ApacheTransport.Proxy proxy = proxy(p.getProxy());
    Supplier<Transport> real = () -> new ApacheTransport(connectTimeout, timeout, maxConnections, proxy);
    return new ObservedTransport(real, metrics, outcomes);
  }

  private static int maxConnections(ChannelsProperties p) {
    if (p.getMaxConnections() < 1) {
      throw new ChannelsConfigurationException("channels4j.max-connections",
          "must be at least 1, got " + p.getMaxConnections());
    }
    return p.getMaxConnections();
  }

  private static int maxDataSize(ChannelsProperties p) {
    if (p.getMaxDataSize() == null || p.getMaxDataSize().toBytes() < 1 || p.getMaxDataSize().toBytes() > Integer.MAX_VALUE) {
      throw new ChannelsConfigurationException("channels4j.max-data-size",
          "must be between 1B and 2GB, got " + p.getMaxDataSize());
    }
    return (int) p.getMaxDataSize().toBytes();
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
      throw new ChannelsConfigurationException(property, message);
    }
  }

  static PublisherOptions.Builder publisherOptions(ChannelsProperties.Publisher p) {
    PublisherOptions.Builder options = PublisherOptions.builder();
    apply("channels4j.publisher.linger", () -> options.linger(p.getLinger()));
    if (p.getMinInFlightRequests() != null) {
      apply("channels4j.publisher.min-in-flight-requests", () -> options.minInFlightRequests(p.getMinInFlightRequests()));
    }
    apply("channels4j.publisher.max-in-flight-requests", () -> options.maxInFlightRequests(p.getMaxInFlightRequests()));
    apply("channels4j.publisher.ordering", () -> options.ordering(p.getOrdering()));
    apply("channels4j.publisher.queue-capacity", () -> options.queueCapacity(p.getQueueCapacity()));
    apply("channels4j.publisher.backpressure", () -> options.backpressure(p.getBackpressure()));
    return options;
  }

  private static RetryPolicy retryPolicy(ChannelsProperties.Retry r) {
    RetryPolicy.Builder retry = RetryPolicy.builder();
    apply("channels4j.retry.max-attempts", () -> retry.maxAttempts(r.getMaxAttempts()));
    apply("channels4j.retry.initial-backoff", () -> retry.initialBackoff(r.getInitialBackoff()));
    apply("channels4j.retry.max-backoff", () -> retry.maxBackoff(r.getMaxBackoff()));
    retry.retryPosts(r.isRetryPosts());
    try {
      return retry.build();
    } catch (ValidationException e) {
      throw new ChannelsConfigurationException("channels4j.retry", e.getMessage());
    }
  }

  private static ApacheTransport.Proxy proxy(ChannelsProperties.Proxy p) {
    if (p.getHost() == null || p.getHost().isBlank()) {
      return null;
    }
    if (p.getPort() == null || p.getPort() < 1 || p.getPort() > 65535) {
      throw new ChannelsConfigurationException("channels4j.proxy.port",
          "a proxy needs a port between 1 and 65535, got " + p.getPort());
    }
    return new ApacheTransport.Proxy(p.getHost(), p.getPort(), p.getUsername(), p.getPassword());
  }

  private static Duration positive(Duration value, String property) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ChannelsConfigurationException(property, "must be a positive duration, e.g. 5s, got " + value);
    }
    return value;
  }

  private static void require(String value, String property, String hint) {
    if (value == null || value.isBlank()) {
      throw new ChannelsConfigurationException(property, property + " is missing" + hint);
    }
  }

  private static void apply(String property, Runnable setter) {
    try {
      setter.run();
    } catch (ValidationException e) {
      throw new ChannelsConfigurationException(property, e.getMessage());
    }
  }
}
