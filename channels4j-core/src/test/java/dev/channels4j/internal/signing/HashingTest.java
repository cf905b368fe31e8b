package dev.channels4j.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The primitives of go-library.md §7.1.4: HMAC-SHA256, MD5, signature comparison. */
class HashingTest {
  private static final String HELLO_HMAC = "64e3f44166575febbc5de88c9476325ea7d4b3684752158d9fdb31fce34b980d";
  private static final byte[] HELLO = "Hello!".getBytes(StandardCharsets.UTF_8);

  @Test
  void hmacSha256HexMatchesTheGoVector() {
    assertThat(Hashing.hmacSha256Hex("supersecret", "Hello!")).isEqualTo(HELLO_HMAC);
  }

  @Test
  void md5HexMatchesTheGoVector() {
    assertThat(Hashing.md5Hex(HELLO)).isEqualTo("952d2c56d0485958336747bcdd98590d");
  }

  @Test
  void theGoSignatureMatchesItsBody() {
    assertThat(Hashing.hexSignatureMatches(Hashing.hmacSha256("supersecret", HELLO), HELLO_HMAC)).isTrue();
  }

  @Test
  void upperCaseHexSignatureMatches() {
    byte[] expected = Hashing.hmacSha256("supersecret", HELLO);

    assertThat(Hashing.hexSignatureMatches(expected, HELLO_HMAC.toUpperCase(Locale.ROOT))).isTrue();
  }

  @Test
  void shortSignatureDoesNotMatch() {
    assertThat(Hashing.hexSignatureMatches(Hashing.hmacSha256("supersecret", HELLO), "no")).isFalse();
  }

  @Test
  void signatureOfRightLengthButNotHexDoesNotMatch() {
    String notHex = "zz" + HELLO_HMAC.substring(2);

    assertThat(Hashing.hexSignatureMatches(Hashing.hmacSha256("supersecret", HELLO), notHex)).isFalse();
  }

  @Test
  void signatureWithOneExtraCharacterDoesNotMatch() {
    assertThat(Hashing.hexSignatureMatches(Hashing.hmacSha256("supersecret", HELLO), HELLO_HMAC + "0")).isFalse();
  }

  @Test
  void signatureOfAnotherSecretDoesNotMatch() {
    String other = Hashing.hmacSha256Hex("othersecret", "Hello!");

    assertThat(Hashing.hexSignatureMatches(Hashing.hmacSha256("supersecret", HELLO), other)).isFalse();
  }

  @Test
  void nullSignatureDoesNotMatch() {
    assertThat(Hashing.hexSignatureMatches(Hashing.hmacSha256("supersecret", HELLO), null)).isFalse();
  }

  @Test
  void hmacKeysWithTheUtf8BytesOfTheSecret() {
    // "é" is two bytes in UTF-8; a Latin-1 key would give another MAC.
    String utf8 = Hashing.hmacSha256Hex("sécret", "m");
    String latin1 = java.util.HexFormat.of().formatHex(macWithKey("sécret".getBytes(StandardCharsets.ISO_8859_1)));

    assertThat(utf8).isNotEqualTo(latin1)
        .isEqualTo(java.util.HexFormat.of().formatHex(macWithKey("sécret".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void constantTimeEqualsComparesWholeStrings() {
    assertThat(Hashing.constantTimeEquals("key", "key")).isTrue();
    assertThat(Hashing.constantTimeEquals("key", "kex")).isFalse();
    assertThat(Hashing.constantTimeEquals("key", "key2")).isFalse();
  }

  private static byte[] macWithKey(byte[] key) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal("m".getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
