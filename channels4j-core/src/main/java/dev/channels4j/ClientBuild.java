package dev.channels4j;

import dev.channels4j.internal.api.ClientSettings;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.internal.transport.ApacheTransport;
import dev.channels4j.internal.webhook.WebhookCredential;
import dev.channels4j.spi.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of {@link ChannelsClient.Builder}, each refusal naming its setting
 * ({@link ValidationException#setting()}) and what to fix. A setter checks its own value at the
 * call through the value checks here; {@link #build} checks only what needs several settings
 * together (the required ones, host or cluster, the port given twice, the master key given
 * twice, an SSL context with a transport of one's own) and makes the client. Apart from the
 * builder so that the builder holds only the settings and their documentation.
 */
final class ClientBuild {
  private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);
  private static final Pattern CLUSTER = Pattern.compile("[a-z0-9-]+");
  // Underscores: Docker Compose service names (my_service) are host names too.
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9a-fA-F:.]+\\]");
  private static final Pattern HOST_AND_PORT = Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9a-fA-F:.]+\\]):([0-9]{1,5})");

  private ClientBuild() {}

  /** A host setting: the name, and the port it carried ({@code null} when none). */
  record Host(String name, Integer port) {}

  static ChannelsClient build(ChannelsClient.Builder b) {
    missing(b.appId, "appId", "appId(\"123\")");
    missing(b.key, "key", "key(\"your-app-key\")");
    missing(b.secret, "secret", "secret(\"your-app-secret\")");
    if (b.host == null && b.cluster == null) {
      throw invalid("cluster",
          "no server: set cluster(\"eu\") for Pusher, or host(\"127.0.0.1\").port(6001).useTls(false) for a local server");
    }
    Integer port = b.port;
    // The host wins over the cluster (documented on both setters).
    if (b.host != null && b.host.port() != null) {
      if (port != null && !port.equals(b.host.port())) {
        throw invalid("port", "host(\"" + b.hostSetting + "\") names port " + b.host.port() + " but port(" + port
            + ") was set too; give the port once");
      }
      port = b.host.port();
    }
    if (b.masterKeyFromBase64 != null && b.masterKey != null) {
      throw invalid("encryptionMasterKeyBase64",
          "set the encryption master key once: either encryptionMasterKeyBase64(...) or encryptionMasterKey(...), not both");
    }
    if (b.transport != null && b.sslContext != null) {
      throw invalid("sslContext", "sslContext applies to the default transport only: configure the TLS of the"
          + " transport you passed to transport(...) there, and drop sslContext(...)");
    }
    byte[] masterKey = b.masterKey != null ? b.masterKey : b.masterKeyFromBase64;
    ChannelEncryption encryption = masterKey == null ? null : new ChannelEncryption(masterKey);
    String hostName = b.host != null ? b.host.name() : "api-" + b.cluster + ".pusher.com";
    int effectivePort = port != null ? port : (b.useTls ? 443 : 80);
    URI baseUri = URI.create((b.useTls ? "https" : "http") + "://" + hostName + ":" + effectivePort);
    Transport chosen = b.transport != null ? b.transport : new ApacheTransport(new ApacheTransport.Settings(
        b.connectTimeout, b.timeout, b.maxConnections, b.proxy, b.maxResponseSize, b.sslContext,
        b.connectionTimeToLive));
    return new ChannelsClient(new ClientSettings(b.appId, b.key, b.secret, baseUri, b.timeout, b.maxDataSize,
        b.maxBatchSize, b.codec, chosen, b.clock, b.retryPolicy, encryption, b.requestListener, b.ticker),
        List.copyOf(b.webhookCredentials), b.transport == null);
  }

  // ---- the value checks, called by the setters ---------------------------------------------

  /** A required text setting given as null or empty. */
  static String required(String value, String name, String example) {
    if (value == null || value.isEmpty()) {
      throw invalid(name, name + " must not be null or empty: call ." + example + " on the builder");
    }
    return value;
  }

  static String appId(String appId) {
    required(appId, "appId", "appId(\"123\")");
    if (!APP_ID.matcher(appId).matches()) {
      throw invalid("appId", "appId \"" + appId + "\" may only contain letters, digits, _ and -");
    }
    return appId;
  }

  static String cluster(String cluster) {
    if (cluster != null && !CLUSTER.matcher(cluster).matches()) {
      throw invalid("cluster", "cluster \"" + cluster + "\" is not a cluster name like eu, us2 or ap1");
    }
    return cluster;
  }

  static Host host(String host) {
    if (host == null) {
      return null;
    }
    Matcher hostAndPort = HOST_AND_PORT.matcher(host);
    if (hostAndPort.matches()) {
      int port = Integer.parseInt(hostAndPort.group(2));
      if (port < 1 || port > 65535) {
        throw invalid("host", "host(\"" + host + "\") names port " + port + ": port must be between 1 and 65535");
      }
      return new Host(hostAndPort.group(1), port);
    }
    if (!HOST.matcher(host).matches()) {
      throw invalid("host", "host \"" + host
          + "\" is not a host name or IP address, optionally with :port (no scheme, no path)");
    }
    return new Host(host, null);
  }

  static int port(int port) {
    if (port < 1 || port > 65535) {
      throw invalid("port", "port must be between 1 and 65535, got " + port);
    }
    return port;
  }

  /**
   * Positive and at most {@link #MAX_TIMEOUT}: the transport turns timeouts into nanoseconds from
   * now, which overflows for huge ones.
   */
  static Duration timeout(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw invalid(name, name + " must be a positive duration, got " + duration);
    }
    if (duration.compareTo(MAX_TIMEOUT) > 0) {
      throw invalid(name, name + " must be at most 1 hour, got " + duration);
    }
    return duration;
  }

  /** A count or size of at least 1; {@code unit} ends the message ("", " byte"). */
  static int atLeastOne(int value, String name, String unit) {
    if (value < 1) {
      throw invalid(name, name + " must be at least 1" + unit + ", got " + value);
    }
    return value;
  }

  static ApacheTransport.Proxy proxy(String host, int port, String username, String password) {
    if (host == null || host.isEmpty() || port < 1 || port > 65535) {
      throw invalid("proxy", "proxy needs a host and a port between 1 and 65535");
    }
    return new ApacheTransport.Proxy(host, port, username, password);
  }

  /** The decoded key; never quotes the value, which is a secret. */
  static byte[] masterKeyBase64(String base64) {
    if (base64 == null) {
      return null;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new ValidationException("encryptionMasterKeyBase64", "encryptionMasterKeyBase64 is not valid base64", e);
    }
    return masterKey(decoded);
  }

  /** A copy of the key, checked for its length. */
  static byte[] masterKey(byte[] key) {
    if (key == null) {
      return null;
    }
    if (key.length != ChannelEncryption.MASTER_KEY_BYTES) {
      throw invalid("encryptionMasterKeyBase64",
          "the encryption master key must be 32 bytes, got " + key.length
              + " (generate one with: openssl rand -base64 32)");
    }
    return key.clone();
  }

  static <T> T notNull(T value, String name, String hint) {
    if (value == null) {
      throw invalid(name, name + " must not be null" + hint);
    }
    return value;
  }

  private static void missing(String value, String name, String example) {
    if (value == null) {
      throw invalid(name, name + " is missing: call ." + example + " on the builder");
    }
  }

  static ValidationException invalid(String setting, String message) {
    return new ValidationException(setting, message, null);
  }
}
