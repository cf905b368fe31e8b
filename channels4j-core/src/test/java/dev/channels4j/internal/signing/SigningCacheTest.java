package dev.channels4j.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-thread MAC and digest caches and the encoding fast path change no output. */
class SigningCacheTest {
  private static final String KEY = "278d425bdf160c739803";
  private static final String SECRET = "7ad3773142a6692b25b8";
  private static final byte[] BODY =
      "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void signsTheDocumentedRequestTheSameWayEveryTime() {
    RequestSigner signer = new RequestSigner(KEY, SECRET);
    for (int i = 0; i < 3; i++) {
      assertThat(signer.signedQuery("POST", "/apps/3/events", Map.of(), BODY, 1353088179L))
          .isEqualTo("auth_key=278d425bdf160c739803&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c"
              + "&auth_timestamp=1353088179&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f");
    }
  }

  @Test
  void signsAGetWithItsOwnParametersAsDocumented() {
    RequestSigner signer = new RequestSigner(KEY, SECRET);
    String query = signer.signedQuery("GET", "/apps/3/channels",
        Map.of("filter_by_prefix", "presence-", "info", "user_count"), null, 1353088179L);

    assertThat(query).contains("auth_signature=16819168891cb5dfd72b5c7a5d3d602605b26c6ba1930033b5e2eeeb65010291")
        .doesNotContain("body_md5");
    assertThat(new RequestSigner(KEY, SECRET).signedQuery("POST", "/apps/3/users/12345/terminate_connections", Map.of(),
        "{}".getBytes(StandardCharsets.UTF_8), 1353088179L))
        .contains("auth_signature=01fa634edeb0cae84115307cad5c23f65a46cd286461b1c89637a3b5871a8f0e");
  }

  @Test
  void aRequestWithoutParametersIsSignedAsTheGeneralRuleSays() {
    RequestSigner signer = new RequestSigner("key with space", SECRET);
    String query = signer.signedQuery("POST", "/apps/3/users/12345/terminate_connections", Map.of(),
        "{}".getBytes(StandardCharsets.UTF_8), 1353088179L);

    String expected = signer.expectedSignature("POST", "/apps/3/users/12345/terminate_connections", Map.of(
        "auth_key", "key with space", "auth_timestamp", "1353088179", "auth_version", "1.0",
        "body_md5", "99914b932bd37a50b983c5e7c90ae93b"));
    assertThat(query).isEqualTo("auth_key=key%20with%20space&auth_signature=" + expected
        + "&auth_timestamp=1353088179&auth_version=1.0&body_md5=99914b932bd37a50b983c5e7c90ae93b");
  }

  @Test
  void aThreadSwitchingBetweenSecretsGetsEachSecretsMac() {
    String forFirst = Hashing.hmacSha256Hex("first-secret", "message");
    String forSecond = Hashing.hmacSha256Hex("second-secret", "message");
    String forFirstAgain = Hashing.hmacSha256Hex("first-secret", "message");

    assertThat(forSecond).isNotEqualTo(forFirst);
    assertThat(forFirstAgain).isEqualTo(forFirst);
    assertThat(Hashing.hmacSha256Hex(SECRET,
        "{\"time_ms\":1327078148132,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"test-channel\"}]}"))
        .isEqualTo("5dd6562a9f744b72a688bcdfea41c14c2c56d12c44c99e32c08face4cc1e8aeb");
  }

  @Test
  void aCachedDigestStartsFreshForEachMessage() {
    assertThat(Hashing.md5Hex(BODY)).isEqualTo("ec365a775a4cd0599faeb73354201b6f");
    assertThat(Hashing.md5Hex("{}".getBytes(StandardCharsets.UTF_8))).isEqualTo("99914b932bd37a50b983c5e7c90ae93b");
    assertThat(Hashing.md5Hex(BODY)).isEqualTo("ec365a775a4cd0599faeb73354201b6f");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain-Value_1.0", "presence-", "user_count,subscription_count", "a b", "~tilde", "*star",
      "é", "a+b", "x=y&z", ""})
  void encodesQueryValuesExactlyAsTheUrlEncoderWithSpacesAsPercent20(String value) {
    assertThat(RequestSigner.encodeQueryValue(value))
        .isEqualTo(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
  }
}
