package dev.channels4j.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The auth strings of protocol.md §3 and go-library.md §7.1.2, §7.1.3, §7.1.4. */
class AuthSignaturesTest {
  private static final String KEY = "278d425bdf160c739803";
  private static final String SECRET = "7ad3773142a6692b25b8";

  private final AuthSignatures signatures = new AuthSignatures(KEY, SECRET);

  @Test
  void privateChannelMatchesTheDocsVector() {
    assertThat(signatures.privateChannel("1234.1234", "private-foobar"))
        .isEqualTo(KEY + ":58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
  }

  @Test
  void presenceChannelMatchesTheGoVector() {
    String channelData = "{\"user_id\":\"10\",\"user_info\":{\"name\":\"Mr. Pusher\"}}";

    assertThat(signatures.presenceChannel("1234.1234", "presence-foobar", channelData))
        .isEqualTo(KEY + ":48dac51d2d7569e1e9c0f48c227d4b26f238fa68e5c0bb04222c966909c4f7c4");
  }

  @Test
  void presenceChannelMatchesTheProtocolVectorWithNumericUserId() {
    String channelData = "{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Channels\"}}";

    assertThat(signatures.presenceChannel("1234.1234", "presence-foobar", channelData))
        .isEqualTo(KEY + ":31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80");
  }

  /**
   * protocol.md §3 warns that the docs print {@code afaed369…304c} for the "Mr. Channels" example,
   * a stale value that belongs to "Mr. Pusher". This pins that explanation, so nobody adopts the docs
   * value as the expectation for "Mr. Channels".
   */
  @Test
  void staleDocsValueBelongsToMrPusherNotMrChannels() {
    String mrPusher = signatures.presenceChannel(
        "1234.1234", "presence-foobar", "{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Pusher\"}}");
    String mrChannels = signatures.presenceChannel(
        "1234.1234", "presence-foobar", "{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Channels\"}}");

    assertThat(mrPusher).startsWith(KEY + ":afaed369").endsWith("304c");
    assertThat(mrChannels).doesNotStartWith(KEY + ":afaed369");
  }

  @Test
  void userMatchesTheDocsVector() {
    assertThat(signatures.user("1234.1234", "{\"id\":\"12345\"}"))
        .isEqualTo(KEY + ":4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba");
  }

  @Test
  void userMatchesTheGoVector() {
    AuthSignatures go = new AuthSignatures("key", "secret");

    assertThat(go.user("12345.12345", "{\"id\":\"1234\"}"))
        .isEqualTo("key:e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41");
  }

  @Test
  void userSignsSocketIdColonColonUserColonColonData() {
    AuthSignatures go = new AuthSignatures("key", "secret");

    assertThat(go.user("1.2", "{}"))
        .isEqualTo("key:" + Hashing.hmacSha256Hex("secret", "1.2::user::{}"));
  }

  @Test
  void toStringHidesTheSecret() {
    assertThat(signatures.toString()).doesNotContain(SECRET);
  }
}
