package dev.channels4j.interop;

import dev.channels4j.ChannelsClient;
import java.time.Duration;

/**
 * A Pusher-compatible server under test, listening on 127.0.0.1, with one app configured for
 * client events, user authentication and webhooks to a URL the test serves.
 */
interface PusherServer extends AutoCloseable {
  /** For test names and messages. */
  String name();

  int port();

  String appId();

  String key();

  String secret();

  /** Our client for this server's HTTP API, able to encrypt with {@code masterKeyBase64}. */
  default ChannelsClient client(String masterKeyBase64) {
    return clientBuilder().useTls(false).encryptionMasterKeyBase64(masterKeyBase64).build();
  }

  /** Our client for this server's HTTP API over {@code https://}, trusting what the context trusts. */
  default ChannelsClient tlsClient(javax.net.ssl.SSLContext trust) {
    return clientBuilder().useTls(true).sslContext(trust).build();
  }

  private ChannelsClient.Builder clientBuilder() {
    return ChannelsClient.builder()
        .appId(appId())
        .key(key())
        .secret(secret())
        .host("127.0.0.1")
        .port(port())
        .timeout(Duration.ofSeconds(10));
  }

  @Override
  void close();

  /** Starts a server whose app posts its webhooks to {@code webhookUrl}. */
  @FunctionalInterface
  interface Factory {
    PusherServer start(String webhookUrl);
  }
}
