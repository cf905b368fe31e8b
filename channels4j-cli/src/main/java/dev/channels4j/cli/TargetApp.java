package dev.channels4j.cli;

import dev.channels4j.ChannelType;
import dev.channels4j.ChannelsClient;
import java.net.URI;
import java.time.Duration;

/**
 * The resolved settings of one Channels app: where its API and WebSocket endpoints are and the
 * credentials to use them. {@link #toString()} hides the secret and the master key.
 *
 * @param appId the app id
 * @param key the app key
 * @param secret the app secret
 * @param cluster a Pusher cluster ({@code eu}), or {@code null} when {@code host} is set
 * @param host a host of one's own, or {@code null} when {@code cluster} is set
 * @param port the port, or {@code null} for the scheme's default
 * @param tls HTTPS and WSS, or plain HTTP and WS
 * @param encryptionMasterKey the base64 master key of encrypted channels, or {@code null}
 *
 * <pre>{@code
 * TargetApp app = connectionOptions.resolve();
 * try (ChannelsClient client = app.client()) { client.trigger("orders", "created", "{}"); }
 * URI ws = app.webSocketUri("channels4j-cli", Main.version());
 * }</pre>
 */
public record TargetApp(
    String appId, String key, String secret, String cluster, String host, Integer port, boolean tls,
    String encryptionMasterKey) {

  /** The app of a local server: {@code ./channels4j serve} answers to these by default. */
  public static final String LOCAL_APP_ID = "app-id";
  public static final String LOCAL_KEY = "app-key";
  public static final String LOCAL_SECRET = "app-secret";
  public static final String LOCAL_HOST = "127.0.0.1";
  public static final int LOCAL_PORT = 6001;

  /** A client of this app's HTTP API. */
  public ChannelsClient client() {
    return client(10);
  }

  /** A client of this app's HTTP API whose batches hold up to {@code maxBatchSize} events. */
  public ChannelsClient client(int maxBatchSize) {
    return client(maxBatchSize, 10 * 1024);
  }

  /**
   * A client of this app's HTTP API whose batches hold up to {@code maxBatchSize} events of up to
   * {@code maxDataSize} bytes of data each.
   */
  public ChannelsClient client(int maxBatchSize, int maxDataSize) {
    ChannelsClient.Builder builder = ChannelsClient.builder()
        .appId(appId).key(key).secret(secret)
        .useTls(tls)
        .maxBatchSize(maxBatchSize)
        .maxDataSize(maxDataSize)
        .timeout(Duration.ofSeconds(10))
        .encryptionMasterKeyBase64(encryptionMasterKey);
    if (cluster != null) {
      builder.cluster(cluster);
    } else {
      builder.host(host);
    }
    if (port != null) {
      builder.port(port);
    }
    return builder.build();
  }

  /**
   * Fails with a message saying how to give the master key when one of the channels is encrypted
   * and none is configured.
   */
  public void requireEncryptionKeyFor(Iterable<String> channels) {
    if (encryptionMasterKey != null) {
      return;
    }
    for (String channel : channels) {
      if (channel != null && ChannelType.of(channel) == ChannelType.PRIVATE_ENCRYPTED) {
        throw new BadInputException("channel " + channel + " is encrypted: give --encryption-master-key or set "
            + ConnectionOptions.MASTER_KEY_VARIABLE + " (make a key with ./channels4j keygen)");
      }
    }
  }

  /** The HTTP API's base, {@code http(s)://host:port}. */
  public URI apiBase() {
    return URI.create((tls ? "https" : "http") + "://" + apiHost() + ":" + effectivePort());
  }

  /** The WebSocket endpoint a client connects to for this app. */
  public URI webSocketUri(String clientName, String version) {
    String wsHost = cluster != null ? "ws-" + cluster + ".pusher.com" : host;
    return URI.create((tls ? "wss" : "ws") + "://" + wsHost + ":" + effectivePort() + "/app/" + key
        + "?protocol=7&client=" + clientName + "&version=" + version);
  }

  private String apiHost() {
    return cluster != null ? "api-" + cluster + ".pusher.com" : host;
  }

  private int effectivePort() {
    return port != null ? port : (tls ? 443 : 80);
  }

  @Override
  public String toString() {
    return "TargetApp[appId=" + appId + ", key=" + key + ", api=" + apiBase() + ", secret=<hidden>"
        + (encryptionMasterKey == null ? "" : ", encryptionMasterKey=<hidden>") + "]";
  }
}
