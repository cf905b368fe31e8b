package dev.channels4j;

import static dev.channels4j.TestClients.builderFor;
import static dev.channels4j.TestClients.fastRetries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.channels4j.testing.RecordingHttpServer.Reply;
import dev.channels4j.testing.RecordingHttpServer;
import dev.channels4j.testing.SignatureCheck;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Which failures are retried, how often, and how long the policy waits; attempts counted on the server. */
class RetryPolicyTest {
  @AutoClose
  private final RecordingHttpServer server = RecordingHttpServer.start();

  private ChannelsClient clientWith(RetryPolicy policy) {
    return builderFor(server).retryPolicy(policy).build();
  }

  // ---- the default policy -----------------------------------------------------------------

  @Test
  void defaultPolicyDoesNotRetryAPost() {
    server.otherwise(Reply.text(503, "busy"));
    try (ChannelsClient client = clientWith(RetryPolicy.defaults())) {
      assertThatThrownBy(() -> client.trigger("c", "e", "d")).isInstanceOf(ApiException.class);
    }

    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void defaultPolicyRetriesAGetOnServerErrorsUpToThreeAttempts() {
    server.otherwise(Reply.text(503, "busy"));
    try (ChannelsClient client = clientWith(RetryPolicy.defaults())) {
      ApiException e = catchThrowableOfType(ApiException.class, () -> client.channel("c"));
      assertThat(e.status()).isEqualTo(503);
    }

    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void defaultPolicyReturnsTheGetResultOnceARetrySucceeds() {
    server.enqueue(Reply.text(502, "bad gateway"), Reply.json("{\"occupied\":true}"));
    try (ChannelsClient client = clientWith(RetryPolicy.defaults())) {
      assertThat(client.channel("c").occupied()).isTrue();
    }

    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void defaultPolicyRetriesAGetWhenTheConnectionIsClosedWithoutAnswer() {
    server.enqueue(Reply.hangUp(), Reply.json("{\"users\":[{\"id\":\"1\"}]}"));
    try (ChannelsClient client = clientWith(RetryPolicy.defaults())) {
      assertThat(client.users("presence-room")).containsExactly("1");
    }

    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void defaultPolicyDoesNotRetryAPostWhenTheConnectionIsClosedWithoutAnswer() {
    server.enqueue(Reply.hangUp(), Reply.json("{}"));
    try (ChannelsClient client = clientWith(RetryPolicy.defaults())) {
      assertThatThrownBy(() -> client.trigger("c", "e", "d")).isInstanceOf(TransportException.class);
    }

    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void defaultPolicyDoesNotRetryAGetOnBadRequest() {
    server.otherwise(Reply.text(400, "bad"));
    try (ChannelsClient client = clientWith(RetryPolicy.defaults())) {
      assertThatThrownBy(() -> client.channel("c")).isInstanceOf(ApiException.class);
    }

    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void noneNeverRetries() {
    server.otherwise(Reply.text(503, "busy"));
    try (ChannelsClient client = clientWith(RetryPolicy.none())) {
      assertThatThrownBy(() -> client.channel("c")).isInstanceOf(ApiException.class);
    }

    assertThat(server.requestCount()).isEqualTo(1);
  }

  // ---- retryPosts(true) -------------------------------------------------------------------

  @Test
  void retriedPostStopsAtMaxAttempts() {
    server.otherwise(Reply.text(500, "down"));
    try (ChannelsClient client = clientWith(fastRetries(4))) {
      ApiException e = catchThrowableOfType(ApiException.class, () -> client.trigger("c", "e", "d"));
      assertThat(e.status()).isEqualTo(500);
    }

    assertThat(server.requestCount()).isEqualTo(4);
  }

  @Test
  void retriedPostSucceedsAfterServerErrors() {
    server.enqueue(Reply.text(500, "down"), Reply.text(503, "busy"), Reply.json("{}"));
    try (ChannelsClient client = clientWith(fastRetries(4))) {
      client.trigger("c", "e", "d");
    }

    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void retriedPostIsRetriedOnTooManyRequests() {
    server.enqueue(Reply.text(429, "slow down"), Reply.json("{}"));
    try (ChannelsClient client = clientWith(fastRetries(3))) {
      client.trigger("c", "e", "d");
    }

    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void retriedPostHonoursAZeroRetryAfter() {
    server.enqueue(Reply.text(429, "slow down").withHeader("Retry-After", "0"), Reply.json("{}"));
    try (ChannelsClient client = clientWith(fastRetries(2))) {
      client.trigger("c", "e", "d");
    }

    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void aRetryAfterLongerThanMaxBackoffIsNotRetriedAndTheApiExceptionCarriesIt() {
    server.enqueue(Reply.text(503, "busy").withHeader("Retry-After", "120"), Reply.json("{\"channels\":{}}"));
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofMillis(50)).build();
    try (ChannelsClient client = clientWith(policy)) {
      ApiException thrown = catchThrowableOfType(ApiException.class, client::channels);

      assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(120));
    }

    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void retriedPostIsNotRetriedOnBadRequest() {
    server.otherwise(Reply.text(400, "bad"));
    try (ChannelsClient client = clientWith(fastRetries(4))) {
      assertThatThrownBy(() -> client.trigger("c", "e", "d")).isInstanceOf(ApiException.class);
    }

    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void soketiErrorBodyIsNotRetried() {
    server.otherwise(Reply.json("{\"error\":\"unauthorized\",\"code\":401}"));
    try (ChannelsClient client = clientWith(fastRetries(4))) {
      assertThatThrownBy(() -> client.trigger("c", "e", "d")).isInstanceOf(ApiException.class);
    }

    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void retriedPostIsRetriedWhenTheConnectionIsClosedWithoutAnswer() {
    server.enqueue(Reply.hangUp(), Reply.hangUp(), Reply.json("{}"));
    try (ChannelsClient client = clientWith(fastRetries(4))) {
      client.trigger("c", "e", "d");
    }

    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void everyRetryIsSignedCorrectly() {
    server.enqueue(Reply.text(500, "down"), Reply.json("{}"));
    try (ChannelsClient client = clientWith(fastRetries(2))) {
      client.trigger("c", "e", "d");
    }

    assertThat(server.requests()).hasSize(2).allSatisfy(request -> {
      assertThat(request.query().get("auth_signature"))
          .isEqualTo(SignatureCheck.expectedSignature(request, TestClients.SECRET));
      assertThat(request.query().get("body_md5")).isEqualTo(SignatureCheck.md5Hex(request.body()));
    });
    assertThat(server.requests().get(1).bodyText()).isEqualTo(server.requests().get(0).bodyText());
  }

  @Test
  void connectionRefusedIsRetriedAndReportedAsRefused() throws Exception {
    int closedPort = TimeoutTest.closedPort();
    RetryPolicy policy = fastRetries(3);
    try (ChannelsClient client = ChannelsClient.builder()
        .appId("3").key("k").secret("s").host("127.0.0.1").port(closedPort).useTls(false)
        .retryPolicy(policy).build()) {
      TransportException e = catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "d"));
      assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECTION_REFUSED);
    }
  }

  @Test
  void publicSurfaceIsConfigurationOnly() {
    assertThat(java.util.Arrays.stream(RetryPolicy.class.getMethods())
            .filter(m -> m.getDeclaringClass() == RetryPolicy.class)
            .map(java.lang.reflect.Method::getName))
        .containsExactlyInAnyOrder("none", "defaults", "builder", "maxAttempts", "initialBackoff", "maxBackoff",
            "retryPosts", "toString");
  }

  @Test
  void builderRejectsOutOfRangeSettings() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(11)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO)).hasMessageContaining("initialBackoff");
    assertThatThrownBy(() -> RetryPolicy.builder()
        .initialBackoff(Duration.ofSeconds(5)).maxBackoff(Duration.ofSeconds(1)).build())
        .hasMessageContaining("maxBackoff");
  }
}
