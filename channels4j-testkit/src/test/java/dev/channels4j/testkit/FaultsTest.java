package dev.channels4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ApiException;
import dev.channels4j.ChannelsClient;
import dev.channels4j.RetryPolicy;
import dev.channels4j.TransportException;
import dev.channels4j.local.Faults;
import dev.channels4j.local.LocalServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's test of their failure handling: the local server fails on demand, the client sees the typed exception. */
@LocalChannelsTest
class FaultsTest {
  private static ChannelsClient client(LocalServer server, RetryPolicy retries, Duration timeout) {
    return ChannelsClient.builder().url(server.pusherUrl()).retryPolicy(retries).timeout(timeout).build();
  }

  private static RetryPolicy retries(int attempts) {
    return RetryPolicy.builder().maxAttempts(attempts).retryPosts(true)
        .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofSeconds(2)).build();
  }

  private static java.util.List<dev.channels4j.local.AcceptedEvent> accepted(LocalServer server, String channel) {
    return server.acceptedEvents().stream().filter(e -> e.channel().equals(channel)).toList();
  }

  /** Triggers one event on the channel, which each test names after itself so its accepted events are its own. */
  private static void trigger(ChannelsClient client, String channel) {
    client.trigger(channel, "created", Map.of("id", 1));
  }

  /** The trigger succeeds despite the faults queued before it, and the server accepted the event once. */
  private static void assertTriggerAcceptedOnce(LocalServer server, RetryPolicy retries, String channel) {
    try (ChannelsClient client = client(server, retries, Duration.ofSeconds(10))) {
      trigger(client, channel);
    }
    assertThat(accepted(server, channel)).hasSize(1);
  }

  @Test
  void serviceUnavailableOnEveryAttemptEndsInARetryableApiException(LocalServer server) {
    server.faults().next(3).respond(503);
    try (ChannelsClient client = client(server, retries(3), Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> trigger(client, "serviceUnavailableOnEveryAttemptEndsInARetryableApiException"))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.isRetryable()).isTrue();
          });
    }
    assertThat(server.faults().pending()).as("all three attempts took a fault").isZero();
    assertThat(accepted(server, "serviceUnavailableOnEveryAttemptEndsInARetryableApiException")).isEmpty();
  }

  @Test
  void serviceUnavailableOnceIsRetriedAway(LocalServer server) {
    server.faults().next(1).respond(503);
    assertTriggerAcceptedOnce(server, retries(3), "serviceUnavailableOnceIsRetriedAway");
  }

  @Test
  void tooManyRequestsCarriesRetryAfter(LocalServer server) {
    server.faults().next(1).respond(429, Duration.ofSeconds(7));
    try (ChannelsClient client = client(server, RetryPolicy.none(), Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> trigger(client, "tooManyRequestsCarriesRetryAfter"))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
          });
    }
  }

  @Test
  void tooManyRequestsWithAShortRetryAfterIsWaitedOutAndRetried(LocalServer server) {
    server.faults().next(1).respond(429, Duration.ofSeconds(1));
    assertTriggerAcceptedOnce(server, retries(2), "tooManyRequestsWithAShortRetryAfterIsWaitedOutAndRetried");
  }

  @Test
  void aRetryAfterLongerThanTheClientWaitsEndsTheRetries(LocalServer server) {
    server.faults().next(2).respond(429, Duration.ofSeconds(30));
    try (ChannelsClient client = client(server, retries(2), Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> trigger(client, "aRetryAfterLongerThanTheClientWaitsEndsTheRetries"))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
    }
    assertThat(server.faults().pending()).as("the client did not retry").isEqualTo(1);
  }

  @Test
  void aLateAnswerIsATimeout(LocalServer server) {
    server.faults().next(1).delay(Duration.ofSeconds(30));
    try (ChannelsClient client = client(server, RetryPolicy.none(), Duration.ofMillis(300))) {
      assertThatThrownBy(() -> client.channels())
          .isInstanceOfSatisfying(TransportException.class,
              e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
    }
  }

  @Test
  void aDelayedRequestIsStillCarriedOut(LocalServer server) {
    server.faults().next(1).delay(Duration.ofMillis(50));
    assertTriggerAcceptedOnce(server, RetryPolicy.none(), "aDelayedRequestIsStillCarriedOut");
  }

  @Test
  void aDroppedConnectionIsATransportException(LocalServer server) {
    server.faults().next(1).disconnect();
    try (ChannelsClient client = client(server, RetryPolicy.none(), Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> trigger(client, "aDroppedConnectionIsATransportException"))
          .isInstanceOf(TransportException.class);
    }
    assertThat(accepted(server, "aDroppedConnectionIsATransportException")).isEmpty();
  }

  @Test
  void aFaultLimitedToOneOperationSparesTheOthers(LocalServer server) {
    server.faults().on(Faults.Operation.TRIGGER).next(1).respond(500);
    try (ChannelsClient client = client(server, RetryPolicy.none(), Duration.ofSeconds(10))) {
      client.channels();
      assertThatThrownBy(() -> trigger(client, "aFaultLimitedToOneOperationSparesTheOthers"))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(500));
    }
  }

  @Test
  void clearForgetsWaitingFaults(LocalServer server) {
    server.faults().next(5).respond(503);
    server.faults().clear();
    try (ChannelsClient client = client(server, RetryPolicy.none(), Duration.ofSeconds(10))) {
      trigger(client, "clearForgetsWaitingFaults");
    }
    assertThat(server.faults().pending()).isZero();
  }

  @Test
  void theQueueIsBounded(LocalServer server) {
    for (int i = 0; i < Faults.MAX_PENDING; i++) {
      server.faults().next(1).respond(503);
    }
    assertThatThrownBy(() -> server.faults().next(1).respond(503))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("clear()");
  }

  @Test
  void droppingConnectionsClosesThemWithTheChosenCode(LocalServer server, TestSubscriber alice, TestSubscriber bob) {
    assertThat(server.faults().dropConnection(alice.socketId(), 4200)).isTrue();
    assertThat(alice.awaitClose().code()).isEqualTo(4200);
    assertThat(bob.isClosed()).isFalse();
    assertThat(server.faults().dropConnections(4100)).isEqualTo(1);
    assertThat(bob.awaitClose().code()).isEqualTo(4100);
  }

  @Test
  void aCloseCodeOutsidePushersRangeIsRefused(LocalServer server) {
    assertThatThrownBy(() -> server.faults().dropConnections(1000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4000 and 4999");
  }
}
