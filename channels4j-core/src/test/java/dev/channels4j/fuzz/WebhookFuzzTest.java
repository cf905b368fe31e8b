package dev.channels4j.fuzz;

import dev.channels4j.testsupport.Fuzz;
import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.webhook.Webhook;
import dev.channels4j.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import dev.channels4j.internal.crypto.ChannelEncryption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks are outside input: whatever the headers and body, verification returns a
 * {@link Webhook} or throws a {@link WebhookVerificationException}, and never anything else.
 * Bodies are signed with the right secret too, so the JSON reading behind the signature check
 * (and decryption of encrypted channels' events) is reached, not just the signature check.
 */
class WebhookFuzzTest {
  private static final String MASTER_KEY = "ZUhQVldIZzduRkdZVkJzS2pPRkRYV1JyaWJJUjJiMGI=";
  private static final ChannelsClient CLIENT = ChannelsClient.builder()
      .appId("1").key("hook-key").secret("hook-secret").host("127.0.0.1").useTls(false)
      .encryptionMasterKeyBase64(MASTER_KEY).build();

  // `-Dtest=...` also selects this class in the build's run without Bouncy Castle, where encrypted
  // events are refused for the missing dependency (WithoutBouncyCastleTest covers that), not read.
  @BeforeAll
  static void needsBouncyCastle() {
    Assumptions.assumeTrue(ChannelEncryption.bouncyCastleAvailable(), "Bouncy Castle is not on the class path");
  }

  @AfterAll
  static void close() {
    CLIENT.close();
  }

  private record Unsigned(Map<String, List<String>> headers, byte[] body) {
    @Override
    public String toString() {
      return "headers=" + headers + " body=" + Arrays.toString(body);
    }
  }

  @Test
  void arbitraryHeadersAndBodiesFailOnlyAsWebhookVerificationException() {
    Fuzz.forAll("arbitraryHeadersAndBodies", g -> new Unsigned(headers(g), g.bytes(255)),
        input -> assertVerifiesOrRefuses(input.headers(), input.body()));
  }

  @Test
  void signedBodiesOfAnyShapeAreReadOrRefusedCleanly() {
    Fuzz.forAll("signedBodiesOfAnyShape", WebhookFuzzTest::webhookBody, body -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      Map<String, List<String>> headers = CLIENT.signWebhook(bytes);

      assertVerifiesOrRefuses(headers, bytes);
    });
  }

  @Test
  void signedBodiesThatAreNotUtf8AreReadOrRefusedCleanly() {
    Fuzz.forAll("signedBodiesThatAreNotUtf8", g -> g.bytes(255), body -> {
      Map<String, List<String>> headers = CLIENT.signWebhook(body);

      assertVerifiesOrRefuses(headers, body);
    });
  }

  @Test
  void encryptedEventsWithAnyNonceAndCiphertextAreDecryptedOrRefused() {
    Fuzz.forAll("encryptedEventsWithAnyNonceAndCiphertext", g -> {
      String nonce = base64ish(g);
      String ciphertext = base64ish(g);
      String name = g.of("client_event", "member_added", "channel_occupied", "cache_miss", "subscription_count", "x");
      String data = "{\\\"nonce\\\":\\\"" + nonce + "\\\",\\\"ciphertext\\\":\\\"" + ciphertext + "\\\"}";
      return "{\"time_ms\":1,\"events\":[{\"name\":\"" + name + "\",\"channel\":\"private-encrypted-room\","
          + "\"event\":\"client-x\",\"socket_id\":\"1.1\",\"data\":\"" + data + "\"}]}";
    }, body -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      Map<String, List<String>> headers = CLIENT.signWebhook(bytes);

      assertVerifiesOrRefuses(headers, bytes);
    });
  }

  private static String base64ish(Fuzz.Gen g) {
    return g.oneOf(
        () -> Base64.getEncoder().encodeToString(g.bytes(64)),
        () -> Base64.getUrlEncoder().withoutPadding().encodeToString(g.bytes(64)),
        () -> g.string(40, "ABCxyz019+/=-_ "));
  }

  private static void assertVerifiesOrRefuses(Map<String, List<String>> headers, byte[] body) {
    try {
      Webhook hook = CLIENT.verifyWebhook(headers, body);
      assertThat(hook.events()).isNotNull();
    } catch (WebhookVerificationException expected) {
      assertThat(expected.getMessage()).isNotBlank().doesNotContain("hook-secret");
    }
  }

  private static Map<String, List<String>> headers(Fuzz.Gen g) {
    return g.map(4,
        () -> g.oneOf(
            () -> g.of("X-Pusher-Key", "x-pusher-key", "X-Pusher-Signature", "X-PUSHER-SIGNATURE", "Content-Type"),
            () -> g.string(20)),
        () -> g.list(3, () -> g.oneOf(
            () -> g.of("hook-key", "", " hook-key ", "0".repeat(64), "g".repeat(64)),
            () -> g.string(80))));
  }

  private static String webhookBody(Fuzz.Gen g) {
    return g.damaged(() -> g.oneOf(
        () -> {
          String time = g.oneOf(() -> String.valueOf(g.anyLong()), () -> JsonValues.value(g, 1));
          String events = g.oneOf(
              () -> "[" + String.join(",", g.list(4, () -> event(g))) + "]",
              () -> JsonValues.value(g, 2));
          return "{\"time_ms\":" + time + ",\"events\":" + events + "}";
        },
        () -> JsonValues.value(g, 3)));
  }

  private static String event(Fuzz.Gen g) {
    return g.list(6, () -> g.of("\"name\"", "\"channel\"", "\"event\"", "\"data\"", "\"socket_id\"", "\"user_id\"")
            + ":" + g.oneOf(
                () -> g.of("\"channel_occupied\"", "\"channel_vacated\"", "\"member_added\"", "\"member_removed\"",
                    "\"client_event\"", "\"subscription_count\"", "\"cache_miss\"", "\"private-encrypted-room\"",
                    "\"presence-room\"", "\"room\"", "\"123.456\"",
                    "\"{\\\"nonce\\\":\\\"AAAA\\\",\\\"ciphertext\\\":\\\"AAAA\\\"}\""),
                () -> JsonValues.value(g, 2)))
        .stream().collect(Collectors.joining(",", "{", "}"));
  }
}
