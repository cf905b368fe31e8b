package dev.channels4j.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ValidationException;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How event data becomes the {@code data} string, and the size limit measured on it. */
class EventEncoderTest {
  private static final byte[] MASTER_KEY = "eHPVWHg7nFGYVBsKjOFDXWRribIR2b0b".getBytes(StandardCharsets.US_ASCII);
  private static final ChannelEncryption ENCRYPTION = new ChannelEncryption(MASTER_KEY);

  private final EventEncoder encoder = new EventEncoder(JacksonJsonCodecs.defaults(), ENCRYPTION, 10240);

  @Test
  void stringIsSentAsIs() {
    assertThat(encoder.dataFor("c", "{\"already\":\"json\"}", "event")).isEqualTo("{\"already\":\"json\"}");
  }

  @Test
  void plainStringIsNotQuoted() {
    assertThat(encoder.dataFor("c", "yolo", "event")).isEqualTo("yolo");
  }

  @Test
  void bytesAreSentAsTheirUtf8Text() {
    assertThat(encoder.dataFor("c", "héllo".getBytes(StandardCharsets.UTF_8), "event")).isEqualTo("héllo");
  }

  @Test
  void mapIsSentAsCompactJsonInItsOrder() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("z", 1);
    data.put("a", List.of("x", true));

    assertThat(encoder.dataFor("c", data, "event")).isEqualTo("{\"z\":1,\"a\":[\"x\",true]}");
  }

  record KeyHolder(String Key) {}

  @Test
  void objectIsSentAsJsonLikeTheGoStructVector() {
    assertThat(encoder.dataFor("c", new KeyHolder("value"), "event")).isEqualTo("{\"Key\":\"value\"}");
  }

  @Test
  void nullDataIsSentAsJsonNull() {
    assertThat(encoder.dataFor("c", null, "event")).isEqualTo("null");
  }

  @Test
  void numberIsSentAsItsJson() {
    assertThat(encoder.dataFor("c", 42, "event")).isEqualTo("42");
  }

  @Test
  void unserializableDataIsAValidationError() {
    assertThatThrownBy(() -> encoder.dataFor("c", new Object(), "event"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("JSON");
  }

  @Test
  void stringWithAnUnpairedSurrogateIsRefusedRatherThanSentAsQuestionMark() {
    assertThatThrownBy(() -> encoder.dataFor("c", "a\uD800b", "event"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("unpaired surrogate U+D800 at index 1");
  }

  @Test
  void jsonDataWithAnUnpairedSurrogateIsRefused() {
    assertThatThrownBy(() -> encoder.dataFor("c", Map.of("k", "\uDC00"), "event"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("unpaired surrogate");
  }

  @Test
  void encryptedDataWithAnUnpairedSurrogateIsRefused() {
    assertThatThrownBy(() -> encoder.dataFor("private-encrypted-x", "x\uD83D", "event"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("unpaired surrogate");
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedRatherThanReplaced() {
    byte[] latin1 = "héllo".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> encoder.dataFor("c", latin1, "batch event #2"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("batch event #2 data bytes are not valid UTF-8");
  }

  @Test
  void surrogatePairsAreKept() {
    assertThat(encoder.dataFor("c", "🎉", "event")).isEqualTo("🎉");
  }

  // ---- size limit on plain channels -------------------------------------------------------

  @Test
  void asciiDataOf10240BytesPasses() {
    assertThat(encoder.dataFor("c", "a".repeat(10240), "event")).hasSize(10240);
  }

  @Test
  void asciiDataOf10241BytesIsRefused() {
    assertThatThrownBy(() -> encoder.dataFor("c", "a".repeat(10241), "event"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("10241 bytes")
        .hasMessageContaining("10240");
  }

  @Test
  void twoByteCharactersCountAsTwoBytes() {
    // 5120 × "é" is 5120 characters but 10240 bytes: at the limit.
    String atLimit = "é".repeat(5120);
    String overLimit = "é".repeat(5120) + "a";

    assertThat(encoder.dataFor("c", atLimit, "event")).isEqualTo(atLimit);
    assertThatThrownBy(() -> encoder.dataFor("c", overLimit, "event"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("10241 bytes");
  }

  @Test
  void threeByteCharactersCountAsThreeBytes() {
    // 3413 × "€" = 10239 bytes; one more "a" reaches 10240, two more exceed it.
    assertThat(encoder.dataFor("c", "€".repeat(3413) + "a", "event")).isNotNull();
    assertThatThrownBy(() -> encoder.dataFor("c", "€".repeat(3413) + "aa", "event"))
        .hasMessageContaining("10241 bytes");
  }

  @Test
  void fourByteCharactersCountAsFourBytes() {
    // "🎉" is two UTF-16 chars but four UTF-8 bytes: 2560 of them are exactly 10240 bytes.
    assertThat(encoder.dataFor("c", "🎉".repeat(2560), "event")).isNotNull();
    assertThatThrownBy(() -> encoder.dataFor("c", "🎉".repeat(2560) + "a", "event"))
        .hasMessageContaining("10241 bytes");
  }

  @Test
  void jsonDataIsMeasuredAfterSerialization() {
    // The brackets and quotes JSON adds count: ["a"×10236] is 10240 bytes.
    assertThat(encoder.dataFor("c", List.of("a".repeat(10236)), "event")).hasSize(10240);
    assertThatThrownBy(() -> encoder.dataFor("c", List.of("a".repeat(10237)), "event"))
        .hasMessageContaining("10241 bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "é", "€", "🎉", "a🎉é€z", "\u0000\u007f\u0080\u07ff\u0800\uffff"})
  void utf8LengthEqualsTheEncodedLength(String text) {
    assertThat(EventEncoder.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void customLimitIsUsed() {
    EventEncoder small = new EventEncoder(JacksonJsonCodecs.defaults(), null, 80);

    assertThat(small.dataFor("c", "a".repeat(80), "event")).hasSize(80);
    assertThatThrownBy(() -> small.dataFor("c", "a".repeat(81), "event")).hasMessageContaining("81 bytes");
  }

  @Test
  void limitMessageNamesWhichEvent() {
    assertThatThrownBy(() -> encoder.dataFor("c", "a".repeat(10241), "batch event #3"))
        .hasMessageStartingWith("batch event #3");
  }

  // ---- encrypted channels -----------------------------------------------------------------

  @Test
  void encryptedChannelDataIsAnEnvelopeOfThePlaintext() {
    String sent = encoder.dataFor("private-encrypted-x", Map.of("msg", "hello"), "event");

    Map<?, ?> envelope = (Map<?, ?>) JacksonJsonCodecs.defaults().parse(sent);
    assertThat(List.<Object>copyOf(envelope.keySet())).containsExactly("nonce", "ciphertext");
    byte[] plaintext = ENCRYPTION.decrypt(
        "private-encrypted-x", (String) envelope.get("nonce"), (String) envelope.get("ciphertext"));
    assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo("{\"msg\":\"hello\"}");
  }

  @Test
  void encryptedStringIsEncryptedVerbatim() {
    String sent = encoder.dataFor("private-encrypted-x", "yolo1", "event");

    Map<?, ?> envelope = (Map<?, ?>) JacksonJsonCodecs.defaults().parse(sent);
    byte[] plaintext = ENCRYPTION.decrypt(
        "private-encrypted-x", (String) envelope.get("nonce"), (String) envelope.get("ciphertext"));
    assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo("yolo1");
  }

  @Test
  void largestEncryptablePlaintextUnderTheDefaultLimitIs7619Bytes() {
    assertThat(encoder.dataFor("private-encrypted-x", "a".repeat(7619), "event")).hasSize(10240);
  }

  @Test
  void plaintextOf7620BytesIsRefusedWithItsEnvelopeSize() {
    assertThatThrownBy(() -> encoder.dataFor("private-encrypted-x", "a".repeat(7620), "event"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("10244 bytes");
  }

  @Test
  void plaintextOf10000BytesReportsTheGoSize() {
    assertThatThrownBy(() -> encoder.dataFor("private-encrypted-x", "a".repeat(10000), "event"))
        .hasMessageContaining("13416 bytes");
  }

  @Test
  void encryptedChannelWithoutMasterKeyIsRefused() {
    EventEncoder keyless = new EventEncoder(JacksonJsonCodecs.defaults(), null, 10240);

    assertThatThrownBy(() -> keyless.dataFor("private-encrypted-x", "data", "event"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("private-encrypted-x")
        .hasMessageContaining("master key");
  }

  @Test
  void plainChannelNeedsNoMasterKey() {
    EventEncoder keyless = new EventEncoder(JacksonJsonCodecs.defaults(), null, 10240);

    assertThat(keyless.dataFor("private-x", "data", "event")).isEqualTo("data");
  }
}
