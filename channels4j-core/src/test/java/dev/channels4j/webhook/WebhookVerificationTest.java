package dev.channels4j.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import dev.channels4j.WebhookVerificationException;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.internal.signing.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhook verification through {@link ChannelsClient#verifyWebhook} and {@link ChannelsClient#signWebhook},
 * against go-library.md §7.1.5 and protocol.md §5. Nothing here touches the network.
 */
class WebhookVerificationTest {
  private static final String HELLO_BODY = "{\"hello\":\"world\"}";
  private static final String HELLO_SIGNATURE = "2677ad3e7c090b2fa2c0fb13020d66d5420879b8316eb356a2d60fb9073bc778";
  private static final byte[] MASTER_KEY = "eHPVWHg7nFGYVBsKjOFDXWRribIR2b0b".getBytes(StandardCharsets.US_ASCII);

  private final ChannelsClient client = client("key", "secret", null);
  private final ChannelsClient encrypting = client("key", "secret", MASTER_KEY);

  @AfterEach
  void close() {
    client.close();
    encrypting.close();
  }

  // ---- Go vectors -------------------------------------------------------------------------

  @Test
  void goVectorIsValid() {
    Webhook hook = client.verifyWebhook(headers("key", HELLO_SIGNATURE), bytes(HELLO_BODY));

    assertThat(hook.timeMs()).isZero();
    assertThat(hook.events()).isEmpty();
  }

  @Test
  void goVectorWithAnotherKeyIsRefused() {
    assertThatThrownBy(() -> client.verifyWebhook(headers("narr you're going down!", HELLO_SIGNATURE), bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("not this app's key");
  }

  @Test
  void goVectorWithAGarbledSignatureIsRefused() {
    assertThatThrownBy(() -> client.verifyWebhook(
            headers("key", "2677ad3e7c090i'mgonnagetyaeb356a2d60fb9073bc778"), bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("signature does not match");
  }

  @Test
  void goVectorWithoutSignatureIsRefused() {
    Map<String, List<String>> headers = Map.of("X-Pusher-Key", List.of("key"));

    assertThatThrownBy(() -> client.verifyWebhook(headers, bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("X-Pusher-Signature");
  }

  @Test
  void goUnmarshalVectorIsRead() {
    String body = "{\"time_ms\":1427233518933,\"events\":[{\"name\":\"client_event\",\"channel\":\"private-channel\","
        + "\"event\":\"client-yolo\",\"data\":\"{\\\"yolo\\\":\\\"woot\\\"}\",\"socket_id\":\"44610.7511910\"}]}";

    Webhook hook = verify(client, body);

    assertThat(hook.timeMs()).isEqualTo(1427233518933L);
    assertThat(hook.events()).containsExactly(new WebhookEvent.ClientEvent(
        "private-channel", "client-yolo", "{\"yolo\":\"woot\"}", Optional.of("44610.7511910"), Optional.empty()));
  }

  @Test
  void protocolVectorSignatureIsAccepted() {
    String body = "{\"time_ms\":1327078148132,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"test-channel\"}]}";
    ChannelsClient docs = client("278d425bdf160c739803", "7ad3773142a6692b25b8", null);
    try (docs) {
      Webhook hook = docs.verifyWebhook(
          headers("278d425bdf160c739803", "5dd6562a9f744b72a688bcdfea41c14c2c56d12c44c99e32c08face4cc1e8aeb"), bytes(body));

      assertThat(hook.timeMs()).isEqualTo(1327078148132L);
      assertThat(hook.events()).containsExactly(new WebhookEvent.ChannelOccupied("test-channel"));
    }
  }

  // ---- signing ----------------------------------------------------------------------------

  @Test
  void signWebhookGivesTheGoVectorHeaders() {
    assertThat(client.signWebhook(bytes(HELLO_BODY))).containsExactly(
        Map.entry("X-Pusher-Key", List.of("key")), Map.entry("X-Pusher-Signature", List.of(HELLO_SIGNATURE)));
  }

  @Test
  void signedWebhookVerifies() {
    byte[] body = bytes("{\"time_ms\":5,\"events\":[{\"name\":\"channel_vacated\",\"channel\":\"c\"}]}");

    Webhook hook = client.verifyWebhook(client.signWebhook(body), body);

    assertThat(hook.events()).containsExactly(new WebhookEvent.ChannelVacated("c"));
  }

  // ---- tampering --------------------------------------------------------------------------

  @Test
  void changedBodyIsRefused() {
    assertThatThrownBy(() -> client.verifyWebhook(headers("key", HELLO_SIGNATURE), bytes("{\"hello\":\"world!\"}")))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("signature does not match");
  }

  @Test
  void bodyWithAddedWhitespaceIsRefused() {
    assertThatThrownBy(() -> client.verifyWebhook(headers("key", HELLO_SIGNATURE), bytes(HELLO_BODY + " ")))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void bodySignedWithAnotherSecretIsRefused() {
    String signature = Hashing.hmacSha256Hex("other-secret", HELLO_BODY);

    assertThatThrownBy(() -> client.verifyWebhook(headers("key", signature), bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("signature does not match");
  }

  @Test
  void upperCaseHexSignatureIsAccepted() {
    Webhook hook = client.verifyWebhook(headers("key", HELLO_SIGNATURE.toUpperCase(Locale.ROOT)), bytes(HELLO_BODY));

    assertThat(hook.events()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "no", "2677ad3e7c090b2fa2c0fb13020d66d5420879b8316eb356a2d60fb9073bc77",
      "2677ad3e7c090b2fa2c0fb13020d66d5420879b8316eb356a2d60fb9073bc7780",
      "g677ad3e7c090b2fa2c0fb13020d66d5420879b8316eb356a2d60fb9073bc778",
      "2677ad3e7c090b2fa2c0fb13020d66d5420879b8316eb356a2d60fb9073bc779"})
  void malformedOrWrongSignatureIsRefused(String signature) {
    assertThatThrownBy(() -> client.verifyWebhook(headers("key", signature), bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void missingKeyHeaderIsRefused() {
    Map<String, List<String>> headers = Map.of("X-Pusher-Signature", List.of(HELLO_SIGNATURE));

    assertThatThrownBy(() -> client.verifyWebhook(headers, bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("X-Pusher-Key");
  }

  @Test
  void emptyHeaderValuesAreRefused() {
    Map<String, List<String>> headers = Map.of("X-Pusher-Key", List.of(), "X-Pusher-Signature", List.of());

    assertThatThrownBy(() -> client.verifyWebhook(headers, bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void noHeadersAtAllAreRefused() {
    assertThatThrownBy(() -> client.verifyWebhook(Map.of(), bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void nullHeadersAreAProgrammingErrorNamingTheArgument() {
    assertThatThrownBy(() -> client.verifyWebhook(null, bytes(HELLO_BODY)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("headers must not be null");
  }

  @Test
  void nullBodyIsAProgrammingErrorNamingTheArgument() {
    assertThatThrownBy(() -> client.verifyWebhook(headers("key", HELLO_SIGNATURE), null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("body must not be null");
    assertThatThrownBy(() -> client.verifyWebhook("key", HELLO_SIGNATURE, null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("body must not be null");
    assertThatThrownBy(() -> client.signWebhook(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("body must not be null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x-pusher-", "X-PUSHER-", "X-Pusher-", "x-PuShEr-"})
  void headerNamesMatchInAnyCase(String prefix) {
    Map<String, List<String>> headers = Map.of(
        prefix + "key", List.of("key"), prefix + "signature", List.of(HELLO_SIGNATURE));

    assertThat(client.verifyWebhook(headers, bytes(HELLO_BODY)).events()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void twoSignatureHeadersAreRefusedWhateverTheirOrder(boolean validFirst) {
    String bogus = Hashing.hmacSha256Hex("other-secret", HELLO_BODY);
    List<String> signatures = validFirst ? List.of(HELLO_SIGNATURE, bogus) : List.of(bogus, HELLO_SIGNATURE);
    Map<String, List<String>> headers = Map.of("X-Pusher-Key", List.of("key"), "X-Pusher-Signature", signatures);

    assertThatThrownBy(() -> client.verifyWebhook(headers, bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("2 X-Pusher-Signature headers");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void twoKeyHeadersAreRefusedWhateverTheirOrder(boolean validFirst) {
    List<String> keys = validFirst ? List.of("key", "old-key") : List.of("old-key", "key");
    Map<String, List<String>> headers = Map.of("X-Pusher-Key", keys, "X-Pusher-Signature", List.of(HELLO_SIGNATURE));

    assertThatThrownBy(() -> client.verifyWebhook(headers, bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("2 X-Pusher-Key headers");
  }

  @Test
  void theSameHeaderUnderTwoSpellingsCountsTwice() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Pusher-Key", List.of("key"));
    headers.put("X-Pusher-Signature", List.of(HELLO_SIGNATURE));
    headers.put("x-pusher-signature", List.of(HELLO_SIGNATURE));

    assertThatThrownBy(() -> client.verifyWebhook(headers, bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("2 X-Pusher-Signature headers");
  }

  // ---- the two header values, as frameworks hand them ------------------------------------

  @Test
  void keyAndSignatureValuesVerify() {
    assertThat(client.verifyWebhook("key", HELLO_SIGNATURE, bytes(HELLO_BODY)).events()).isEmpty();
  }

  @Test
  void keyAndSignatureValuesWithATamperedBodyAreRefused() {
    assertThatThrownBy(() -> client.verifyWebhook("key", HELLO_SIGNATURE, bytes(HELLO_BODY + " ")))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("signature does not match");
  }

  @Test
  void nullKeyValueIsAMissingHeader() {
    assertThatThrownBy(() -> client.verifyWebhook(null, HELLO_SIGNATURE, bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("no X-Pusher-Key header");
  }

  @Test
  void nullSignatureValueIsAMissingHeader() {
    assertThatThrownBy(() -> client.verifyWebhook("key", null, bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("no X-Pusher-Signature header");
  }

  @Test
  void anotherKeyValueIsRefused() {
    assertThatThrownBy(() -> client.verifyWebhook("old-key", HELLO_SIGNATURE, bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("not this app's key");
  }

  @Test
  void signedHeadersAreUnmodifiable() {
    Map<String, List<String>> signed = client.signWebhook(bytes(HELLO_BODY));

    assertThatThrownBy(() -> signed.put("X-Other", List.of("x"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void bodyThatIsNotJsonIsRefused() {
    String body = "not json at all";

    assertThatThrownBy(() -> verify(client, body))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("not JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null", "{\"events\":[]} trailing", "{\"events\":[", "\"just a string\""})
  void bodyThatIsNotAWebhookObjectIsRefused(String body) {
    assertThatThrownBy(() -> verify(client, body)).isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void nullHeaderValuesAreRefusedNotCrashedOn() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Pusher-Key", java.util.Arrays.asList((String) null));
    headers.put("X-Pusher-Signature", java.util.Arrays.asList((String) null));

    assertThatThrownBy(() -> client.verifyWebhook(headers, bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void nullSignatureValueIsRefusedNotCrashedOn() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Pusher-Key", List.of("key"));
    headers.put("X-Pusher-Signature", java.util.Arrays.asList((String) null));

    assertThatThrownBy(() -> client.verifyWebhook(headers, bytes(HELLO_BODY)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void bodyThatIsAJsonArrayIsRefused() {
    assertThatThrownBy(() -> verify(client, "[1,2]"))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void eventWithoutNameIsRefused() {
    assertThatThrownBy(() -> verify(client, "{\"time_ms\":1,\"events\":[{\"channel\":\"c\"}]}"))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("#0")
        .hasMessageContaining("name");
  }

  @Test
  void memberEventWithoutUserIdIsRefused() {
    assertThatThrownBy(() -> verify(client, "{\"events\":[{\"name\":\"member_added\",\"channel\":\"presence-a\"}]}"))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("user_id");
  }

  // ---- typed events -----------------------------------------------------------------------

  @Test
  void everyKnownEventIsTyped() {
    String body = "{\"time_ms\":42,\"events\":["
        + "{\"name\":\"channel_occupied\",\"channel\":\"a\"},"
        + "{\"name\":\"channel_vacated\",\"channel\":\"a\"},"
        + "{\"name\":\"member_added\",\"channel\":\"presence-a\",\"user_id\":\"7\"},"
        + "{\"name\":\"member_removed\",\"channel\":\"presence-a\",\"user_id\":\"7\"},"
        + "{\"name\":\"client_event\",\"channel\":\"presence-a\",\"event\":\"client-x\",\"data\":\"{}\","
        + "\"socket_id\":\"1.2\",\"user_id\":\"7\"},"
        + "{\"name\":\"cache_miss\",\"channel\":\"cache-a\"},"
        + "{\"name\":\"subscription_count\",\"channel\":\"a\",\"subscription_count\":12}"
        + "]}";

    Webhook hook = verify(client, body);

    assertThat(hook.time().toEpochMilli()).isEqualTo(42L);
    assertThat(hook.events()).containsExactly(
        new WebhookEvent.ChannelOccupied("a"),
        new WebhookEvent.ChannelVacated("a"),
        new WebhookEvent.MemberAdded("presence-a", "7"),
        new WebhookEvent.MemberRemoved("presence-a", "7"),
        new WebhookEvent.ClientEvent("presence-a", "client-x", "{}", Optional.of("1.2"), Optional.of("7")),
        new WebhookEvent.CacheMiss("cache-a"),
        new WebhookEvent.SubscriptionCount("a", 12));
    assertThat(hook.events()).extracting(WebhookEvent::name).containsExactly(
        "channel_occupied", "channel_vacated", "member_added", "member_removed", "client_event", "cache_miss",
        "subscription_count");
  }

  @Test
  void clientEventWithObjectDataAsSoketiSendsItIsReadAsJsonText() {
    String body = "{\"time_ms\":1,\"events\":[{\"name\":\"client_event\",\"channel\":\"private-a\","
        + "\"event\":\"client-x\",\"data\":{\"b\":1,\"a\":[true,null]},\"socket_id\":\"1.2\"}]}";

    WebhookEvent.ClientEvent event = (WebhookEvent.ClientEvent) verify(client, body).events().get(0);

    assertThat(event.data()).isEqualTo("{\"b\":1,\"a\":[true,null]}");
  }

  @Test
  void clientEventWithoutDataHasNullData() {
    String body = "{\"events\":[{\"name\":\"client_event\",\"channel\":\"private-a\",\"event\":\"client-x\"}]}";

    WebhookEvent.ClientEvent event = (WebhookEvent.ClientEvent) verify(client, body).events().get(0);

    assertThat(event.data()).isNull();
    assertThat(event.socketId()).isEmpty();
  }

  @Test
  void subscriptionCountWithoutANumberIsRefused() {
    assertThatThrownBy(() -> verify(client,
            "{\"events\":[{\"name\":\"subscription_count\",\"channel\":\"a\",\"subscription_count\":\"many\"}]}"))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("subscription_count");
  }

  @Test
  void unknownEventArrivesAsOtherWithAllItsFields() {
    String body = "{\"events\":[{\"name\":\"something_new\",\"channel\":\"a\",\"extra\":3}]}";

    WebhookEvent event = verify(client, body).events().get(0);

    assertThat(event).isInstanceOf(WebhookEvent.Other.class);
    WebhookEvent.Other other = (WebhookEvent.Other) event;
    assertThat(other.name()).isEqualTo("something_new");
    assertThat(other.channel()).isEqualTo("a");
    assertThat(other.fields()).containsEntry("extra", 3).containsEntry("name", "something_new");
  }

  @Test
  void eventsKeepTheirOrderAndAreImmutable() {
    String body = "{\"events\":[{\"name\":\"channel_vacated\",\"channel\":\"b\"},"
        + "{\"name\":\"channel_occupied\",\"channel\":\"a\"}]}";

    Webhook hook = verify(client, body);

    assertThat(hook.events()).extracting(WebhookEvent::channel).containsExactly("b", "a");
    assertThatThrownBy(() -> hook.events().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void timeThatIsNotANumberIsRefused() {
    assertThatThrownBy(() -> verify(client, "{\"time_ms\":\"soon\",\"events\":[]}"))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("time_ms");
  }

  @Test
  void eventsThatAreNotAnArrayAreRefused() {
    assertThatThrownBy(() -> verify(client, "{\"events\":{}}"))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("events");
  }

  // ---- encrypted channels -----------------------------------------------------------------

  @Test
  void encryptedClientEventIsDecrypted() {
    String body = encryptedClientEvent("private-encrypted-a", "{\"msg\":\"hello\"}");

    WebhookEvent.ClientEvent event = (WebhookEvent.ClientEvent) verify(encrypting, body).events().get(0);

    assertThat(event.data()).isEqualTo("{\"msg\":\"hello\"}");
    assertThat(event.channel()).isEqualTo("private-encrypted-a");
    assertThat(event.socketId()).contains("44610.7511910");
  }

  @Test
  void encryptedEnvelopeSentAsAnObjectIsDecrypted() {
    ChannelEncryption.Envelope envelope = new ChannelEncryption(MASTER_KEY)
        .encrypt("private-encrypted-a", bytes("hi"));
    String body = "{\"events\":[{\"name\":\"client_event\",\"channel\":\"private-encrypted-a\",\"event\":\"client-x\","
        + "\"data\":" + envelope.toJson() + "}]}";

    WebhookEvent.ClientEvent event = (WebhookEvent.ClientEvent) verify(encrypting, body).events().get(0);

    assertThat(event.data()).isEqualTo("hi");
  }

  @Test
  void plainChannelDataIsNotDecrypted() {
    String body = "{\"events\":[{\"name\":\"client_event\",\"channel\":\"private-a\",\"event\":\"client-x\","
        + "\"data\":\"{\\\"nonce\\\":\\\"x\\\",\\\"ciphertext\\\":\\\"y\\\"}\"}]}";

    WebhookEvent.ClientEvent event = (WebhookEvent.ClientEvent) verify(encrypting, body).events().get(0);

    assertThat(event.data()).isEqualTo("{\"nonce\":\"x\",\"ciphertext\":\"y\"}");
  }

  @Test
  void wrongMasterKeyThrowsAndReturnsNothing() {
    byte[] otherKey = MASTER_KEY.clone();
    otherKey[0] ^= 1;
    ChannelsClient wrong = client("key", "secret", otherKey);
    String body = "{\"time_ms\":1,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"a\"},"
        + encryptedEventJson("private-encrypted-a", "secret stuff") + "]}";
    try (wrong) {
      assertThatThrownBy(() -> verify(wrong, body))
          .isInstanceOf(WebhookVerificationException.class)
          .hasMessageContaining("#1")
          .hasMessageContaining("private-encrypted-a")
          .hasMessageContaining("could not be decrypted")
          .hasMessageNotContaining("secret stuff");
    }
  }

  @Test
  void encryptedEventWithoutMasterKeyIsRefused() {
    String body = encryptedClientEvent("private-encrypted-a", "x");

    assertThatThrownBy(() -> verify(client, body))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("no encryption master key");
  }

  @Test
  void encryptedEventWhoseDataIsNotAnEnvelopeIsRefused() {
    String body = "{\"events\":[{\"name\":\"client_event\",\"channel\":\"private-encrypted-a\",\"event\":\"client-x\","
        + "\"data\":\"plain text\"}]}";

    assertThatThrownBy(() -> verify(encrypting, body))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("not an encrypted envelope");
  }

  @Test
  void encryptedEventWithoutNonceIsRefused() {
    String body = "{\"events\":[{\"name\":\"client_event\",\"channel\":\"private-encrypted-a\",\"event\":\"client-x\","
        + "\"data\":\"{\\\"ciphertext\\\":\\\"AAAA\\\"}\"}]}";

    assertThatThrownBy(() -> verify(encrypting, body))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("nonce");
  }

  @Test
  void tamperedEncryptedDataIsRefused() {
    ChannelEncryption.Envelope envelope = new ChannelEncryption(MASTER_KEY).encrypt("private-encrypted-a", bytes("hello"));
    byte[] box = Base64.getDecoder().decode(envelope.ciphertext());
    box[box.length - 1] ^= 1;
    String tampered = new ChannelEncryption.Envelope(envelope.nonce(), Base64.getEncoder().encodeToString(box)).toJson();
    String body = "{\"events\":[{\"name\":\"client_event\",\"channel\":\"private-encrypted-a\",\"event\":\"client-x\","
        + "\"data\":" + jsonString(tampered) + "}]}";

    assertThatThrownBy(() -> verify(encrypting, body))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("could not be decrypted");
  }

  /** The Go library fails here (it tries to decrypt absent data); a data-less event has nothing to decrypt. */
  @Test
  void dataLessEventOnAnEncryptedChannelPasses() {
    String body = "{\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"private-encrypted-a\"},"
        + "{\"name\":\"subscription_count\",\"channel\":\"private-encrypted-a\",\"subscription_count\":2}]}";

    assertThat(verify(encrypting, body).events()).containsExactly(
        new WebhookEvent.ChannelOccupied("private-encrypted-a"),
        new WebhookEvent.SubscriptionCount("private-encrypted-a", 2));
    assertThat(verify(client, body).events()).hasSize(2);
  }

  @Test
  void unknownEventOnAnEncryptedChannelHasItsDataDecrypted() {
    ChannelEncryption.Envelope envelope = new ChannelEncryption(MASTER_KEY).encrypt("private-encrypted-a", bytes("v"));
    String body = "{\"events\":[{\"name\":\"future_event\",\"channel\":\"private-encrypted-a\",\"data\":"
        + jsonString(envelope.toJson()) + "}]}";

    WebhookEvent.Other event = (WebhookEvent.Other) verify(encrypting, body).events().get(0);

    assertThat(event.fields()).containsEntry("data", "v");
  }

  // ---- helpers ----------------------------------------------------------------------------

  // ---- strict readings (red-team finding 3, issue 16) --------------------------------------

  @Test
  void aSignedBodyThatIsNotUtf8IsRefused() {
    byte[] body = {'{', '"', 'x', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};

    assertThatThrownBy(() -> client.verifyWebhook(client.signWebhook(body), body))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "1.5", "-1", "9223372036854775808", "-0.5", "1e19"})
  void aTimeThatIsNotAnIntegerInRangeIsRefused(String timeMs) {
    byte[] body = bytes("{\"time_ms\":" + timeMs + ",\"events\":[]}");

    assertThatThrownBy(() -> client.verifyWebhook(client.signWebhook(body), body))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("time_ms is not an integer from 0 to");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1700000000000", "9223372036854775807"})
  void anIntegerTimeInRangeIsRead(String timeMs) {
    byte[] body = bytes("{\"time_ms\":" + timeMs + ",\"events\":[]}");

    assertThat(client.verifyWebhook(client.signWebhook(body), body).timeMs()).isEqualTo(Long.parseLong(timeMs));
  }

  private static ChannelsClient client(String key, String secret, byte[] masterKey) {
    ChannelsClient.Builder builder = ChannelsClient.builder()
        .appId("3").key(key).secret(secret).host("127.0.0.1").port(1).useTls(false);
    if (masterKey != null) {
      builder.encryptionMasterKey(masterKey);
    }
    return builder.build();
  }

  /** Signs the body with the client's own credentials, so only the content is under test. */
  private static Webhook verify(ChannelsClient client, String body) {
    byte[] bytes = bytes(body);
    return client.verifyWebhook(client.signWebhook(bytes), bytes);
  }

  private static String encryptedClientEvent(String channel, String plaintext) {
    return "{\"time_ms\":1,\"events\":[" + encryptedEventJson(channel, plaintext) + "]}";
  }

  private static String encryptedEventJson(String channel, String plaintext) {
    ChannelEncryption.Envelope envelope = new ChannelEncryption(MASTER_KEY).encrypt(channel, bytes(plaintext));
    return "{\"name\":\"client_event\",\"channel\":\"" + channel + "\",\"event\":\"client-x\",\"data\":"
        + jsonString(envelope.toJson()) + ",\"socket_id\":\"44610.7511910\"}";
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Map<String, List<String>> headers(String key, String signature) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Pusher-Key", List.of(key));
    headers.put("X-Pusher-Signature", List.of(signature));
    return headers;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
