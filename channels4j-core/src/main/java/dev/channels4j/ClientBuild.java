package dev.channels4j;

import dev.channels4j.internal.api.ClientSettings;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.internal.transport.ApacheTransport;
import dev.channels4j.internal.webhook.WebhookCredential;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spi.Transport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * {@link ChannelsClient.Builder#build()}: checks the settings their setters leave unchecked, each
 * refusal naming its setting ({@link ValidationException#setting()}), and makes the client. The
 * null checks of jsonCodec, clock and retryPolicy are in their setters; the single-value checks
 * still here stay because the Spring starter's {@code ClientFactory} maps only {@code build()}'s
 * refusals to properties, and tests build the builder before the call they expect to fail. Apart from the builder so that
 * the builder holds only the settings and their documentation.
 */
final class ClientBuild {
  private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);
  private static final Pattern CLUSTER = Pattern.compile("[a-z0-9-]+");
  // Underscores: Docker Compose service names (my_service) are host names too.
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9a-fA-F:.]+\\]");
  private static final Pattern HOST_AND_PORT = Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9a-fA-F:.]+\\]):([0-9]{1,5})");

  private ClientBuild() {}

  static ChannelsClient build(ChannelsClient.Builder b) {
    String appId = b.appId;
    String key = b.key;
    String secret = b.secret;
    String cluster = b.cluster;
    String host = b.host;
    Integer port = b.port;
    boolean useTls = b.useTls;
    Duration timeout = b.timeout;
    Duration connectTimeout = b.connectTimeout;
    Duration connectionTimeToLive = b.connectionTimeToLive;
    String masterKeyBase64 = b.masterKeyBase64;
    byte[] masterKey = b.masterKey;
    int maxDataSize = b.maxDataSize;
    int maxBatchSize = b.maxBatchSize;
    int maxConnections = b.maxConnections;
    int maxResponseSize = b.maxResponseSize;
    ApacheTransport.Proxy proxy = b.proxy;
    SSLContext sslContext = b.sslContext;
    RequestListener requestListener = b.requestListener;
    LongSupplier ticker = b.ticker;
    JsonCodec codec = b.codec;
    Transport transport = b.transport;
    Clock clock = b.clock;
    RetryPolicy retryPolicy = b.retryPolicy;
    List<WebhookCredential> webhookCredentials = b.webhookCredentials;
    require(appId, "appId", "appId(\"123\")");
    require(key, "key", "key(\"your-app-key\")");
    require(secret, "secret", "secret(\"your-app-secret\")");
    if (!APP_ID.matcher(appId).matches()) {
      throw invalid("appId","appId \"" + appId + "\" may only contain letters, digits, _ and -");
    }
    if (host == null && cluster == null) {
      throw invalid("cluster",
          "no server: set cluster(\"eu\") for Pusher, or host(\"127.0.0.1\").port(6001).useTls(false) for a local server");
    }
    // The host wins over the cluster (documented on both setters).
    if (host == null && !CLUSTER.matcher(cluster).matches()) {
      throw invalid("cluster","cluster \"" + cluster + "\" is not a cluster name like eu, us2 or ap1");
    }
    String hostOnly = host;
    Integer portSetting = port;
    if (host != null) {
      Matcher hostAndPort = HOST_AND_PORT.matcher(host);
      if (hostAndPort.matches()) {
        hostOnly = hostAndPort.group(1);
        int hostPort = Integer.parseInt(hostAndPort.group(2));
        if (port != null && port != hostPort) {
          throw invalid("port","host(\"" + host + "\") names port " + hostPort + " but port(" + port
              + ") was set too; give the port once");
        }
        portSetting = hostPort;
      }
      if (hostOnly.isEmpty() || !HOST.matcher(hostOnly).matches()) {
        throw invalid("host","host \"" + host
            + "\" is not a host name or IP address, optionally with :port (no scheme, no path)");
      }
    }
    if (portSetting != null && (portSetting < 1 || portSetting > 65535)) {
      throw invalid("port", "port must be between 1 and 65535, got " + portSetting);
    }
    timeoutSetting(timeout, "timeout");
    timeoutSetting(connectTimeout, "connectTimeout");
    timeoutSetting(connectionTimeToLive, "connectionTimeToLive");
    if (maxDataSize < 1) {
      throw invalid("maxDataSize", "maxDataSize must be at least 1 byte, got " + maxDataSize);
    }
    if (maxBatchSize < 1) {
      throw invalid("maxBatchSize", "maxBatchSize must be at least 1, got " + maxBatchSize);
    }
    if (maxConnections < 1) {
      throw invalid("maxConnections", "maxConnections must be at least 1, got " + maxConnections);
    }
    if (maxResponseSize < 1) {
      throw invalid("maxResponseSize", "maxResponseSize must be at least 1 byte, got " + maxResponseSize);
    }
    if (proxy != null && (proxy.host() == null || proxy.host().isEmpty() || proxy.port() < 1 || proxy.port() > 65535)) {
      throw invalid("proxy", "proxy needs a host and a port between 1 and 65535");
    }
    if (transport != null && sslContext != null) {
      throw invalid("sslContext", "sslContext applies to the default transport only: configure the TLS of the"
          + " transport you passed to transport(...) there, and drop sslContext(...)");
    }
    ChannelEncryption encryption = encryption(masterKeyBase64, masterKey);
    String scheme = useTls ? "https" : "http";
    String hostName = hostOnly != null ? hostOnly : "api-" + cluster + ".pusher.com";
    int effectivePort = portSetting != null ? portSetting : (useTls ? 443 : 80);
    URI baseUri = URI.create(scheme + "://" + hostName + ":" + effectivePort);
    Transport chosen = transport != null ? transport : new ApacheTransport(new ApacheTransport.Settings(
        connectTimeout, timeout, maxConnections, proxy, maxResponseSize, sslContext, connectionTimeToLive));
    return new ChannelsClient(new ClientSettings(appId, key, secret, baseUri, timeout, maxDataSize, maxBatchSize,
        codec, chosen, clock, retryPolicy, encryption, requestListener, ticker),
        List.copyOf(webhookCredentials), transport == null);
  }

  private static ChannelEncryption encryption(String masterKeyBase64, byte[] masterKey) {
    if (masterKeyBase64 != null && masterKey != null) {
      throw invalid("encryptionMasterKeyBase64",
          "set the encryption master key once: either encryptionMasterKeyBase64(...) or encryptionMasterKey(...), not both");
    }
    byte[] bytes = masterKey;
    if (masterKeyBase64 != null) {
      try {
        bytes = Base64.getDecoder().decode(masterKeyBase64.trim());
      } catch (IllegalArgumentException e) {
        throw new ValidationException("encryptionMasterKeyBase64", "encryptionMasterKeyBase64 is not valid base64", e);
      }
    }
    if (bytes == null) {
      return null;
    }
    if (bytes.length != ChannelEncryption.MASTER_KEY_BYTES) {
      throw invalid("encryptionMasterKeyBase64",
          "the encryption master key must be 32 bytes, got " + bytes.length
              + " (generate one with: openssl rand -base64 32)");
    }
    return new ChannelEncryption(bytes);
  }

  private static void require(String value, String name, String example) {
    if (value == null || value.isEmpty()) {
      throw invalid(name, name + " is missing: call ." + example + " on the builder");
    }
  }

  /**
   * Positive and at most {@link #MAX_TIMEOUT}: checked here, before the transport is made, since
   * the transport turns timeouts into nanoseconds from now, which overflows for huge ones.
   */
  private static void timeoutSetting(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw invalid(name, name + " must be a positive duration, got " + duration);
    }
    if (duration.compareTo(MAX_TIMEOUT) > 0) {
      throw invalid(name, name + " must be at most 1 hour, got " + duration);
    }
  }

  private static ValidationException invalid(String setting, String message) {
    return ChannelsClient.Builder.invalid(setting, message);
  }
}
