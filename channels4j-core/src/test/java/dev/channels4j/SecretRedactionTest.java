package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.channels4j.internal.api.ClientSettings;
import dev.channels4j.internal.api.Dispatcher;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spi.TransportRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The app secret and the encryption master key never appear in a toString(), nor in an exception
 * message anywhere in a cause chain.
 */
class SecretRedactionTest {
  private static final String SECRET = "s3cr3t-value-7ad3773142a6692b25b8";
  private static final String MASTER_KEY_TEXT = "eHPVWHg7nFGYVBsKjOFDXWRribIR2b0b";
  private static final String MASTER_KEY_BASE64 =
      Base64.getEncoder().encodeToString(MASTER_KEY_TEXT.getBytes(StandardCharsets.US_ASCII));

  @Test
  void clientToStringHidesSecretAndMasterKey() {
    try (ChannelsClient client = builder().encryptionMasterKeyBase64(MASTER_KEY_BASE64).build()) {
      assertThat(client.toString())
          .contains("app-key")
          .doesNotContain(SECRET)
          .doesNotContain(MASTER_KEY_BASE64)
          .doesNotContain(MASTER_KEY_TEXT);
    }
  }

  @Test
  void builderToStringHidesSecretAndMasterKey() {
    ChannelsClient.Builder builder = builder().encryptionMasterKeyBase64(MASTER_KEY_BASE64);

    assertThat(builder.toString())
        .doesNotContain(SECRET)
        .doesNotContain(MASTER_KEY_BASE64)
        .doesNotContain(MASTER_KEY_TEXT);
  }

  @Test
  void builderWithRawMasterKeyToStringHidesIt() {
    ChannelsClient.Builder builder = builder().encryptionMasterKey(MASTER_KEY_TEXT.getBytes(StandardCharsets.US_ASCII));

    assertThat(builder.toString()).doesNotContain(MASTER_KEY_TEXT).doesNotContain(SECRET);
  }

  @Test
  void settingsToStringHidesSecretAndMasterKey() {
    ClientSettings settings = settings();

    assertThat(settings.toString())
        .contains("app-key")
        .doesNotContain(SECRET)
        .doesNotContain(MASTER_KEY_BASE64)
        .doesNotContain(MASTER_KEY_TEXT)
        .doesNotContain(HexFormat.of().formatHex(MASTER_KEY_TEXT.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void signedRequestToStringHidesTheSignature() {
    TransportRequest signed = captureSigned();

    assertThat(signed.uri().getRawQuery()).contains("auth_signature=");
    assertThat(signed.toString()).doesNotContain("auth_signature").doesNotContain(SECRET);
  }

  @Test
  void masterKeyOfWrongLengthIsRefusedWithoutPrintingIt() {
    String shortKey = Base64.getEncoder().encodeToString("this is 31 bytes 12345678901234".getBytes(StandardCharsets.US_ASCII));

    Throwable error = catchThrowable(() -> builder().encryptionMasterKeyBase64(shortKey));

    assertThat(error).isInstanceOf(ValidationException.class).hasMessageContaining("32 bytes");
    assertThat(messages(error)).noneMatch(m -> m.contains(shortKey) || m.contains("this is 31 bytes") || m.contains(SECRET));
  }

  @Test
  void masterKeyThatIsNotBase64IsRefusedWithoutPrintingIt() {
    String notBase64 = "dGhp!yBpcyAzMiBieXRlcy#xMjM0NTY3ODkwMTIzNDU=";

    Throwable error = catchThrowable(() -> builder().encryptionMasterKeyBase64(notBase64));

    assertThat(error).isInstanceOf(ValidationException.class).hasMessageContaining("base64");
    assertThat(messages(error)).noneMatch(m -> m.contains(notBase64) || m.contains(SECRET));
  }

  @Test
  void malformedUrlIsRefusedWithoutPrintingTheSecret() {
    String url = "http://app-key:" + SECRET + "@127.0.0.1:6001/apps/1 with space";

    Throwable error = catchThrowable(() -> ChannelsClient.fromUrl(url));

    assertThat(error).isInstanceOf(ValidationException.class);
    assertThat(messages(error)).noneMatch(m -> m.contains(SECRET));
  }

  @Test
  void urlWithBadEscapeIsRefusedWithoutPrintingTheSecret() {
    String url = "http://app-key:" + SECRET + "%zz@127.0.0.1:6001/apps/1";

    Throwable error = catchThrowable(() -> ChannelsClient.fromUrl(url));

    assertThat(error).isInstanceOf(ValidationException.class);
    assertThat(messages(error)).noneMatch(m -> m.contains(SECRET));
  }

  @Test
  void webhookRefusalDoesNotPrintTheSecretOrTheExpectedSignature() {
    byte[] body = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);
    try (ChannelsClient client = builder().build()) {
      String expected = client.signWebhook(body).get("X-Pusher-Signature").get(0);

      Throwable error = catchThrowable(() -> client.verifyWebhook(
          Map.of("X-Pusher-Key", List.of("app-key"), "X-Pusher-Signature", List.of("00")), body));

      assertThat(error).isNotNull();
      assertThat(messages(error)).noneMatch(m -> m.contains(SECRET) || m.contains(expected));
    }
  }

  private static ChannelsClient.Builder builder() {
    return ChannelsClient.builder()
        .appId("1").key("app-key").secret(SECRET).host("127.0.0.1").port(1).useTls(false);
  }

  private static ClientSettings settings() {
    return new ClientSettings(
        "1", "app-key", SECRET, URI.create("http://127.0.0.1:1"), Duration.ofSeconds(5), 10240, 10,
        JacksonJsonCodecs.defaults(), request -> new CompletableFuture<>(), Clock.systemUTC(), RetryPolicy.none(),
        new ChannelEncryption(MASTER_KEY_TEXT.getBytes(StandardCharsets.US_ASCII)));
  }

  private static TransportRequest captureSigned() {
    List<TransportRequest> sent = new ArrayList<>();
    ClientSettings settings = settings();
    ClientSettings capturing = new ClientSettings(
        settings.appId(), settings.key(), settings.secret(), settings.baseUri(), settings.timeout(),
        settings.maxDataBytes(), settings.maxBatchSize(), settings.codec(),
        request -> {
          sent.add(request);
          return CompletableFuture.completedFuture(
              new dev.channels4j.spi.TransportResponse(200, "{}".getBytes(StandardCharsets.UTF_8)));
        },
        settings.clock(), settings.retryPolicy(), settings.encryption());
    new Dispatcher(capturing).send(dev.channels4j.internal.api.ApiRequest.get(dev.channels4j.RequestEvent.Operation.CHANNELS, "/apps/1/channels", Map.of())).join();
    return sent.get(0);
  }

  private static List<String> messages(Throwable error) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = error; t != null; t = t.getCause()) {
      messages.add(String.valueOf(t.getMessage()));
      messages.add(t.toString());
    }
    return messages;
  }
}
