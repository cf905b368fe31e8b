package dev.channels4j.internal.api;

import dev.channels4j.RequestListener;
import dev.channels4j.RetryPolicy;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spi.Transport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Everything a client was built with, validated. Holds the secret: never log it whole.
 *
 * @param encryption the master key's cipher, or {@code null} when no master key is configured
 * @param listener hears of every attempt, or {@code null}
 * @param ticker nanoseconds of a monotonic clock, for durations (System.nanoTime unless a test injects one)
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
    ChannelEncryption encryption,
    RequestListener listener,
    LongSupplier ticker) {

  /** Settings without a request listener, timed on {@link System#nanoTime()}. */
  public ClientSettings(String appId, String key, String secret, URI baseUri, Duration timeout, int maxDataBytes,
      int maxBatchSize, JsonCodec codec, Transport transport, Clock clock, RetryPolicy retryPolicy,
      ChannelEncryption encryption) {
    this(appId, key, secret, baseUri, timeout, maxDataBytes, maxBatchSize, codec, transport, clock, retryPolicy,
        encryption, null, System::nanoTime);
  }

  @Override
  public String toString() {
    return "ClientSettings[appId=" + appId + ", key=" + key + ", baseUri=" + baseUri + "]";
  }
}
