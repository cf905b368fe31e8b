package dev.channels4j.internal.api;

import dev.channels4j.RetryPolicy;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spi.Transport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything a client was built with, validated. Holds the secret: never log it whole.
 *
 * @param encryption the master key's cipher, or {@code null} when no master key is configured
 */
public record ClientSettings(
    String appId,
    String key,
    String secret,
    URI baseUri,
    Duration timeout,
    int maxDataBytes,
    int maxBatchSize,
    JsonCodec codec,
    Transport transport,
    Clock clock,
    RetryPolicy retryPolicy,
    ChannelEncryption encryption) {

  @Override
  public String toString() {
    return "ClientSettings[appId=" + appId + ", key=" + key + ", baseUri=" + baseUri + "]";
  }
}
