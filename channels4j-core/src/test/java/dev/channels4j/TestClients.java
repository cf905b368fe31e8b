package dev.channels4j;

import dev.channels4j.testing.RecordingHttpServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Clients pointed at a {@link RecordingHttpServer}, with the Go library's credential set A. */
final class TestClients {
  static final String APP_ID = "3";
  static final String KEY = "278d425bdf160c739803";
  static final String SECRET = "7ad3773142a6692b25b8";
  static final long TIMESTAMP = 1353088179L;
  static final Clock FIXED_CLOCK = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC);
  /** The master key of go-library §7.1.6: base64 of the 32 ASCII bytes eHPVWHg7nFGYVBsKjOFDXWRribIR2b0b. */
  static final String MASTER_KEY_BASE64 = "ZUhQVldIZzduRkdZVkJzS2pPRkRYV1JyaWJJUjJiMGI=";

  private TestClients() {}

  /** A plain-HTTP client of app 3 at the server, clock fixed, no retries, 5 s timeout. */
  static ChannelsClient.Builder builderFor(RecordingHttpServer server) {
    return ChannelsClient.builder()
        .appId(APP_ID)
        .key(KEY)
        .secret(SECRET)
        .host("127.0.0.1")
        .port(server.port())
        .useTls(false)
        .clock(FIXED_CLOCK)
        .timeout(Duration.ofSeconds(5))
        .retryPolicy(RetryPolicy.none());
  }

  static ChannelsClient clientFor(RecordingHttpServer server) {
    return builderFor(server).build();
  }

  /** A retry policy that retries everything quickly, so retry tests take milliseconds. */
  static RetryPolicy fastRetries(int maxAttempts) {
    return RetryPolicy.builder()
        .maxAttempts(maxAttempts)
        .initialBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofMillis(5))
        .retryPosts(true)
        .build();
  }
}
