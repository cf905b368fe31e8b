package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import dev.channels4j.PublisherOptions;
import dev.channels4j.RequestListener;
import dev.channels4j.RetryPolicy;
import dev.channels4j.ValidationException;
import dev.channels4j.spring.boot.ChannelsConnectionDetails;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.springframework.util.unit.DataSize;

/**
 * Turns {@link ChannelsProperties} and the {@link ChannelsConnectionDetails} into a client builder
 * and publisher options, through core's public builder only: the client makes and owns its HTTP
 * transport. Every problem becomes a {@link ChannelsConfigurationException} naming the property,
 * which Spring Boot reports at start-up without the value (see
 * {@link ChannelsConfigurationFailureAnalyzer}).
 */
final class ClientFactory {
  /** Core's builder settings ({@link ValidationException#setting()}) that are not connection details. */
  private static final Map<String, String> PROPERTY_OF_SETTING = Map.ofEntries(
      Map.entry("timeout", "channels4j.timeout"),
      Map.entry("connectTimeout", "channels4j.connect-timeout"),
      Map.entry("connectionTimeToLive", "channels4j.connection-time-to-live"),
      Map.entry("maxDataSize", "channels4j.max-data-size"),
      Map.entry("maxBatchSize", "channels4j.max-batch-size"),
      Map.entry("maxConnections", "channels4j.max-connections"),
      Map.entry("maxResponseSize", "channels4j.max-response-size"),
      Map.entry("proxy", "channels4j.proxy.host"),
      Map.entry("encryptionMasterKeyBase64", "channels4j.encryption-master-key"),
      Map.entry("sslContext", "channels4j.ssl.bundle"),
      Map.entry("retryPolicy", "channels4j.retry"),
      Map.entry("webhookCredentials", "channels4j.webhooks.credentials"));
  private static final List<String> CONNECTION_SETTINGS =
      List.of("appId", "key", "secret", "cluster", "host", "port", "useTls", "url");

  private ClientFactory() {}

  /**
   * The builder, every property set. Core's setters refuse a bad value at the call: a refusal not
   * already reported under a more precise property is reported under its setting's property.
   */
  static ChannelsClient.Builder builder(ChannelsProperties p, ChannelsConnectionDetails details,
      SSLContext sslContext, RequestListener listener) {
    try {
      return configured(p, details, sslContext, listener);
    } catch (ValidationException e) {
      throw new ChannelsConfigurationException(property(e, details), e.getMessage());
    }
  }

  private static ChannelsClient.Builder configured(ChannelsProperties p, ChannelsConnectionDetails details,
      SSLContext sslContext, RequestListener listener) {
    ChannelsClient.Builder builder = ChannelsClient.builder();
    connection(builder, details);
    String masterKey = Placeholders.check("channels4j.encryption-master-key", p.getEncryptionMasterKey());
    if (masterKey != null && !masterKey.isBlank()) {
      apply("channels4j.encryption-master-key", () -> builder.encryptionMasterKeyBase64(masterKey.trim()));
    }
    builder.timeout(positive(p.getTimeout(), "channels4j.timeout"))
        .connectTimeout(positive(p.getConnectTimeout(), "channels4j.connect-timeout"))
        .connectionTimeToLive(positive(p.getConnectionTimeToLive(), "channels4j.connection-time-to-live"))
        .maxConnections(p.getMaxConnections())
        .maxDataSize(bytes(p.getMaxDataSize(), "channels4j.max-data-size"))
        .maxResponseSize(bytes(p.getMaxResponseSize(), "channels4j.max-response-size"))
        .maxBatchSize(p.getMaxBatchSize())
        .retryPolicy(retryPolicy(p.getRetry()));
    proxy(builder, p.getProxy());
    if (sslContext != null) {
      builder.sslContext(sslContext);
    }
    if (listener != null) {
      builder.requestListener(listener);
    }
    List<ChannelsProperties.Credential> credentials = p.getWebhooks().getCredentials();
    for (int i = 0; i < credentials.size(); i++) {
      ChannelsProperties.Credential credential = credentials.get(i);
      String prefix = "channels4j.webhooks.credentials[" + i + "].";
      require(Placeholders.check(prefix + "key", credential.getKey()), prefix + "key");
      require(Placeholders.check(prefix + "secret", credential.getSecret()), prefix + "secret");
      apply(prefix + "key", () -> builder.webhookCredentials(credential.getKey(), credential.getSecret()));
    }
    return builder;
  }

  /** Where to connect: the details' fields, each only when given (the builder names what is missing). */
  private static void connection(ChannelsClient.Builder builder, ChannelsConnectionDetails details) {
    if (details.appId() != null) {
      builder.appId(details.appId());
    }
    if (details.key() != null) {
      builder.key(details.key());
    }
    if (details.secret() != null) {
      builder.secret(details.secret());
    }
    if (details.cluster() != null) {
      builder.cluster(details.cluster());
    }
    if (details.host() != null) {
      builder.host(details.host());
    }
    if (details.port() != null) {
      builder.port(details.port());
    }
    builder.useTls(details.useTls());
  }

  /**
   * Builds the client; what {@code build()} refuses (a missing setting, or one at odds with
   * another) is reported under its setting's property.
   */
  static ChannelsClient build(ChannelsClient.Builder builder, ChannelsConnectionDetails details) {
    try {
      return builder.build();
    } catch (ValidationException e) {
      throw new ChannelsConfigurationException(property(e, details), e.getMessage());
    }
  }

  /** The property (or the bean) a refused builder setting came from. */
  static String property(ValidationException e, ChannelsConnectionDetails details) {
    String setting = e.setting().orElse("");
    if (CONNECTION_SETTINGS.contains(setting)) {
      return details instanceof PropertiesChannelsConnectionDetails fromProperties
          ? fromProperties.property(setting)
          : "ChannelsConnectionDetails bean " + details.getClass().getName() + " (" + setting + ")";
    }
    return PROPERTY_OF_SETTING.getOrDefault(setting, "channels4j");
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

  private static void proxy(ChannelsClient.Builder builder, ChannelsProperties.Proxy p) {
    String host = Placeholders.check("channels4j.proxy.host", p.getHost());
    if (host == null || host.isBlank()) {
      return;
    }
    if (p.getPort() == null || p.getPort() < 1 || p.getPort() > 65535) {
      throw new ChannelsConfigurationException("channels4j.proxy.port",
          "a proxy needs a port between 1 and 65535, got " + p.getPort());
    }
    String username = Placeholders.check("channels4j.proxy.username", p.getUsername());
    String password = Placeholders.check("channels4j.proxy.password", p.getPassword());
    if (username == null) {
      apply("channels4j.proxy.host", () -> builder.proxy(host, p.getPort()));
    } else {
      apply("channels4j.proxy.password", () -> builder.proxy(host, p.getPort(), username, password));
    }
  }

  private static int bytes(DataSize size, String property) {
    if (size == null || size.toBytes() < 1 || size.toBytes() > Integer.MAX_VALUE) {
      throw new ChannelsConfigurationException(property, "must be between 1B and 2GB, got " + size);
    }
    return (int) size.toBytes();
  }

  private static Duration positive(Duration value, String property) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ChannelsConfigurationException(property, "must be a positive duration, e.g. 5s, got " + value);
    }
    return value;
  }

  private static void require(String value, String property) {
    if (value == null || value.isBlank()) {
      throw new ChannelsConfigurationException(property, property + " is missing");
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
