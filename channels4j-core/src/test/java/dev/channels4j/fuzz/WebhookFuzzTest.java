package dev.channels4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.webhook.Webhook;
import dev.channels4j.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

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

  @AfterContainer
  static void close() {
    CLIENT.close();
  }

  @Property
  void arbitraryHeadersAndBodiesFailOnlyAsWebhookVerificationException(
      @ForAll("headers") Map<String, List<String>> headers, @ForAll byte[] body) {
    assertVerifiesOrRefuses(headers, body);
  }

  @Property
  void signedBodiesOfAnyShapeAreReadOrRefusedCleanly(@ForAll("webhookBodies") String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = CLIENT.signWebhook(bytes);

    assertVerifiesOrRefuses(headers, bytes);
  }

  @Property
  void signedBodiesThatAreNotUtf8AreReadOrRefusedCleanly(@ForAll byte[] body) {
    Map<String, List<String>> headers = CLIENT.signWebhook(body);

    assertVerifiesOrRefuses(headers, body);
  }

  @Property
  void encryptedEventsWithAnyNonceAndCiphertextAreDecryptedOrRefused(
      @ForAll("base64ish") String nonce, @ForAll("base64ish") String ciphertext, @ForAll("eventNames") String name) {
    String data = "{\\\"nonce\\\":\\\"" + nonce + "\\\",\\\"ciphertext\\\":\\\"" + ciphertext + "\\\"}";
    String body = "{\"time_ms\":1,\"events\":[{\"name\":\"" + name + "\",\"channel\":\"private-encrypted-room\","
        + "\"event\":\"client-x\",\"socket_id\":\"1.1\",\"data\":\"" + data + "\"}]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = CLIENT.signWebhook(bytes);

    assertVerifiesOrRefuses(headers, bytes);
  }

  @Provide
  Arbitrary<String> base64ish() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(b -> java.util.Base64.getEncoder().encodeToString(b)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(b -> java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b)),
        Arbitraries.strings().withChars("ABCxyz019+/=-_ ").ofMaxLength(40));
  }

  @Provide
  Arbitrary<String> eventNames() {
    return Arbitraries.of("client_event", "member_added", "channel_occupied", "cache_miss", "subscription_count", "x");
  }

  private static void assertVerifiesOrRefuses(Map<String, List<String>> headers, byte[] body) {
    try {
      Webhook hook = CLIENT.verifyWebhook(headers, body);
      assertThat(hook.events()).isNotNull();
    } catch (WebhookVerificationException expected) {
      assertThat(expected.getMessage()).isNotBlank().doesNotContain("hook-secret");
    }
  }

  @Provide
  Arbitrary<Map<String, List<String>>> headers() {
    Arbitrary<String> names = Arbitraries.oneOf(
        Arbitraries.of("X-Pusher-Key", "x-pusher-key", "X-Pusher-Signature", "X-PUSHER-SIGNATURE", "Content-Type"),
        Arbitraries.strings().ofMaxLength(20));
    Arbitrary<String> values = Arbitraries.oneOf(
        Arbitraries.of("hook-key", "", " hook-key ", "0".repeat(64), "g".repeat(64)),
        Arbitraries.strings().ofMaxLength(80));
    return Arbitraries.maps(names, values.list().ofMaxSize(3)).ofMaxSize(4);
  }

  @Provide
  Arbitrary<String> webhookBodies() {
    Arbitrary<String> event = Arbitraries.entries(
            Arbitraries.of("\"name\"", "\"channel\"", "\"event\"", "\"data\"", "\"socket_id\"", "\"user_id\""),
            Arbitraries.oneOf(
                Arbitraries.of("\"channel_occupied\"", "\"channel_vacated\"", "\"member_added\"", "\"member_removed\"",
                    "\"client_event\"", "\"subscription_count\"", "\"cache_miss\"", "\"private-encrypted-room\"",
                    "\"presence-room\"", "\"room\"", "\"123.456\"",
                    "\"{\\\"nonce\\\":\\\"AAAA\\\",\\\"ciphertext\\\":\\\"AAAA\\\"}\""),
                JsonValues.value(2)))
        .list().ofMaxSize(6)
        .map(fields -> fields.stream().map(f -> f.getKey() + ":" + f.getValue()).collect(Collectors.joining(",", "{", "}")));
    Arbitrary<String> events = Arbitraries.oneOf(event.list().ofMaxSize(4)
        .map(list -> String.join(",", list)).map(list -> "[" + list + "]"), JsonValues.value(2));
    Arbitrary<String> time = Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf), JsonValues.value(1));
    Arbitrary<String> body = net.jqwik.api.Combinators.combine(time, events)
        .as((t, e) -> "{\"time_ms\":" + t + ",\"events\":" + e + "}");
    return JsonValues.damaged(Arbitraries.oneOf(body, JsonValues.value(3)));
  }
}
