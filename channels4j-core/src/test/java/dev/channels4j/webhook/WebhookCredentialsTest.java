package dev.channels4j.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import dev.channels4j.WebhookVerificationException;
import dev.channels4j.internal.signing.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks signed with any of several key/secret pairs verify, for rotating credentials. */
class WebhookCredentialsTest {
  private static final byte[] BODY =
      "{\"time_ms\":1,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"a\"}]}".getBytes(StandardCharsets.UTF_8);

  private final ChannelsClient rotating = ChannelsClient.builder()
      .appId("1").key("new-key").secret("new-secret").cluster("eu")
      .webhookCredentials("old-key", "old-secret")
      .webhookCredentials("older-key", "older-secret")
      .build();

  @AfterEach
  void close() {
    rotating.close();
  }

  private static Map<String, List<String>> signed(String key, String secret) {
    return Map.of("X-Pusher-Key", List.of(key), "X-Pusher-Signature", List.of(Hashing.hmacSha256Hex(secret, BODY)));
  }

  @Test
  void theClientsOwnCredentialsStillCount() {
    assertThat(rotating.verifyWebhook(signed("new-key", "new-secret"), BODY).events())
        .containsExactly(new WebhookEvent.ChannelOccupied("a"));
  }

  @Test
  void everyAddedCredentialVerifies() {
    assertThat(rotating.verifyWebhook(signed("old-key", "old-secret"), BODY).events()).hasSize(1);
    assertThat(rotating.verifyWebhook(signed("older-key", "older-secret"), BODY).events()).hasSize(1);
  }

  @Test
  void theKeyHeaderSelectsTheSecret() {
    // A genuine secret presented under another credential's key is not accepted.
    assertThatThrownBy(() -> rotating.verifyWebhook(signed("new-key", "old-secret"), BODY))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("signature does not match");
    assertThatThrownBy(() -> rotating.verifyWebhook(signed("old-key", "new-secret"), BODY))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("signature does not match");
  }

  @Test
  void aKeyGivenTwiceAcceptsEitherOfItsSecrets() {
    try (ChannelsClient sameKey = ChannelsClient.builder()
        .appId("1").key("key").secret("new-secret").cluster("eu")
        .webhookCredentials("key", "old-secret")
        .build()) {
      assertThat(sameKey.verifyWebhook(signed("key", "new-secret"), BODY).events()).hasSize(1);
      assertThat(sameKey.verifyWebhook(signed("key", "old-secret"), BODY).events()).hasSize(1);
      assertThatThrownBy(() -> sameKey.verifyWebhook(signed("key", "other-secret"), BODY))
          .isInstanceOf(WebhookVerificationException.class);
    }
  }

  @Test
  void anUnknownKeyIsRefusedSayingExtraCredentialsWereTried() {
    assertThatThrownBy(() -> rotating.verifyWebhook(signed("stranger", "old-secret"), BODY))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("not this app's key nor one given to webhookCredentials");
  }

  @Test
  void noSecretAppearsInAnyRefusal() {
    Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
        () -> rotating.verifyWebhook(signed("old-key", "wrong"), BODY));

    assertThat(refused.getMessage()).doesNotContain("old-secret", "new-secret", "older-secret");
    assertThat(rotating.toString()).doesNotContain("old-secret", "older-secret");
  }

  @Test
  void emptyOrNullCredentialsAreRefusedByTheBuilder() {
    ChannelsClient.Builder builder = ChannelsClient.builder();
    assertThatThrownBy(() -> builder.webhookCredentials(null, "s")).isInstanceOf(ValidationException.class).hasMessageContaining("key");
    assertThatThrownBy(() -> builder.webhookCredentials("", "s")).isInstanceOf(ValidationException.class).hasMessageContaining("key");
    assertThatThrownBy(() -> builder.webhookCredentials("k", null)).isInstanceOf(ValidationException.class).hasMessageContaining("secret");
    assertThatThrownBy(() -> builder.webhookCredentials("k", "")).isInstanceOf(ValidationException.class).hasMessageContaining("secret");
  }
}
