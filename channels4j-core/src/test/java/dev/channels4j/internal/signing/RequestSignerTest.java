package dev.channels4j.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Request signing against the vectors of go-library.md §7.1.1 and protocol.md §1.2.
 */
class RequestSignerTest {
  private static final String DOCS_KEY = "278d425bdf160c739803";
  private static final String DOCS_SECRET = "7ad3773142a6692b25b8";
  private static final long DOCS_TIMESTAMP = 1353088179L;
  private static final byte[] DOCS_BODY =
      "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}"
          .getBytes(StandardCharsets.UTF_8);

  private static final String GO_KEY = "d41a439c438a100756f5";
  private static final String GO_SECRET = "4bf35003e819bb138249";

  private final RequestSigner docs = new RequestSigner(DOCS_KEY, DOCS_SECRET);
  private final RequestSigner go = new RequestSigner(GO_KEY, GO_SECRET);

  @Test
  void docsBodyHasTheDocumentedMd5() {
    assertThat(Hashing.md5Hex(DOCS_BODY)).isEqualTo("ec365a775a4cd0599faeb73354201b6f");
  }

  @Test
  void docsPostIsSignedOverTheDocumentedString() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("body_md5", "ec365a775a4cd0599faeb73354201b6f");
    params.put("auth_version", "1.0");
    params.put("auth_timestamp", "1353088179");
    params.put("auth_key", DOCS_KEY);

    assertThat(RequestSigner.stringToSign("POST", "/apps/3/events", params))
        .isEqualTo("POST\n/apps/3/events\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179"
            + "&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f");
  }

  @Test
  void docsPostQueryCarriesTheDocumentedSignatureInSortedPosition() {
    String query = docs.signedQuery("POST", "/apps/3/events", Map.of(), DOCS_BODY, DOCS_TIMESTAMP);

    assertThat(query).isEqualTo(
        "auth_key=278d425bdf160c739803"
            + "&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c"
            + "&auth_timestamp=1353088179&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f");
  }

  @Test
  void getWithParamsMatchesTheProtocolVector() {
    String query = docs.signedQuery(
        "GET", "/apps/3/channels", Map.of("filter_by_prefix", "presence-", "info", "user_count"), null,
        DOCS_TIMESTAMP);

    assertThat(query).isEqualTo(
        "auth_key=278d425bdf160c739803"
            + "&auth_signature=16819168891cb5dfd72b5c7a5d3d602605b26c6ba1930033b5e2eeeb65010291"
            + "&auth_timestamp=1353088179&auth_version=1.0&filter_by_prefix=presence-&info=user_count");
  }

  @Test
  void getHasNoBodyMd5() {
    String query = docs.signedQuery("GET", "/apps/3/channels", Map.of(), null, DOCS_TIMESTAMP);

    assertThat(query).doesNotContain("body_md5");
  }

  @Test
  void terminateWithEmptyObjectBodyMatchesTheProtocolVector() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

    String query = docs.signedQuery(
        "POST", "/apps/3/users/12345/terminate_connections", Map.of(), body, DOCS_TIMESTAMP);

    assertThat(query)
        .contains("body_md5=99914b932bd37a50b983c5e7c90ae93b")
        .contains("auth_signature=01fa634edeb0cae84115307cad5c23f65a46cd286461b1c89637a3b5871a8f0e");
  }

  @Test
  void firstGoGetRowIsSignedOverTheDocumentedString() {
    Map<String, String> params = Map.of(
        "auth_key", GO_KEY, "auth_timestamp", "1427034994", "auth_version", "1.0",
        "filter_by_prefix", "presence-", "info", "user_count");

    assertThat(RequestSigner.stringToSign("GET", "/apps/102015/channels", params))
        .isEqualTo("GET\n/apps/102015/channels\nauth_key=d41a439c438a100756f5&auth_timestamp=1427034994"
            + "&auth_version=1.0&filter_by_prefix=presence-&info=user_count");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      all channels, two params | /apps/102015/channels | 1427034994 | presence- | user_count | 4d8a02edcc8a758b0162cd6da690a9a45fb8ae326a276dca1e06a0bc42796c11
      all channels, prefix only | /apps/102015/channels | 1427036577 | presence- | | b540383af4582af5fbb5df7be5472d54bd0838c9c2021c7743062568839e6f97
      all channels, no params | /apps/102015/channels | 1427036787 | | | df89248f87f6e6d028925e0b04d60f316527a865992ace6936afa91281d8bef0
      one channel with info | /apps/102015/channels/presence-session-d41a439c438a100756f5-4bf35003e819bb138249-ROpCFmgFhXY | 1427053326 | | user_count,subscription_count | f93ceb31f396aef336226efe512aaf339bd5e39c7c2c04b81cc8681dc16ee785
      users | /apps/102015/channels/presence-session-d41a439c438a100756f5-4bf35003e819bb138249-nYJLy67qh52/users | 1427053709 | | | 207feaf4e8efeb24e5f148011704251bf90e2059a5f97a3eb52d06178b11feca
      """)
  void goGetRowsCarryTheGoSignatures(
      String row, String path, long timestamp, String prefix, String info, String signature) {
    Map<String, String> params = new LinkedHashMap<>();
    if (prefix != null) {
      params.put("filter_by_prefix", prefix);
    }
    if (info != null) {
      params.put("info", info);
    }

    String query = go.signedQuery("GET", path, params, null, timestamp);

    assertThat(query).startsWith("auth_key=" + GO_KEY + "&auth_signature=" + signature + "&auth_timestamp=" + timestamp);
  }

  @Test
  void valuesAreSignedRawButPercentEncodedOnTheWire() {
    Map<String, String> params = Map.of("info", "user_count,subscription_count", "filter_by_prefix", "a b+c");

    String query = go.signedQuery("GET", "/apps/1/channels", params, null, 1427053326L);

    Map<String, String> signed = new LinkedHashMap<>(params);
    signed.put("auth_key", GO_KEY);
    signed.put("auth_timestamp", "1427053326");
    signed.put("auth_version", "1.0");
    String rawSignature = Hashing.hmacSha256Hex(GO_SECRET,
        "GET\n/apps/1/channels\nauth_key=" + GO_KEY
            + "&auth_timestamp=1427053326&auth_version=1.0&filter_by_prefix=a b+c&info=user_count,subscription_count");
    assertThat(query)
        .contains("auth_signature=" + rawSignature)
        .contains("filter_by_prefix=a%20b%2Bc")
        .contains("info=user_count%2Csubscription_count");
    assertThat(go.expectedSignature("GET", "/apps/1/channels", signed)).isEqualTo(rawSignature);
  }

  @Test
  void authSignatureIsLeftOutOfTheStringToSign() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("auth_key", "k");
    params.put("auth_signature", "whatever");

    assertThat(RequestSigner.stringToSign("GET", "/p", params)).isEqualTo("GET\n/p\nauth_key=k");
  }

  @Test
  void expectedSignatureVerifiesASignedQuery() {
    String query = docs.signedQuery("POST", "/apps/3/events", Map.of(), DOCS_BODY, DOCS_TIMESTAMP);
    Map<String, String> received = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      received.put(kv[0], kv[1]);
    }

    assertThat(docs.expectedSignature("POST", "/apps/3/events", received))
        .isEqualTo(received.get("auth_signature"));
  }

  @Test
  void signatureChangesWithTheBody() {
    byte[] other = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    String a = docs.signedQuery("POST", "/apps/3/events", Map.of(), DOCS_BODY, DOCS_TIMESTAMP);
    String b = docs.signedQuery("POST", "/apps/3/events", Map.of(), other, DOCS_TIMESTAMP);

    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void toStringHidesTheSecret() {
    assertThat(docs.toString()).doesNotContain(DOCS_SECRET).contains(DOCS_KEY);
  }
}
