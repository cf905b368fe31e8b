package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** client.sharedSecret(channel): the per-channel key of an encrypted channel, as Node's channelSharedSecret. */
class SharedSecretTest {
  private static final byte[] MASTER_KEY = "eHPVWHg7nFGYVBsKjOFDXWRribIR2b0b".getBytes(StandardCharsets.US_ASCII);

  private final ChannelsClient client = ChannelsClient.builder()
      .appId("1").key("key").secret("secret").cluster("eu").encryptionMasterKey(MASTER_KEY).build();
  private final ChannelsClient withoutKey = ChannelsClient.builder()
      .appId("1").key("key").secret("secret").cluster("eu").build();

  @AfterEach
  void close() {
    client.close();
    withoutKey.close();
  }

  @Test
  void isTheSha256OfChannelNameAndMasterKey() throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update("private-encrypted-a".getBytes(StandardCharsets.UTF_8));
    sha256.update(MASTER_KEY);

    assertThat(client.sharedSecret("private-encrypted-a")).hasSize(32).isEqualTo(sha256.digest());
  }

  @Test
  void isWhatTheAuthorizationAnswerCarries() {
    String answered = client.authorizeChannel("1.1", "private-encrypted-a").sharedSecret().orElseThrow();

    assertThat(client.sharedSecret("private-encrypted-a")).isEqualTo(Base64.getDecoder().decode(answered));
  }

  @Test
  void eachCallReturnsItsOwnArray() {
    byte[] first = client.sharedSecret("private-encrypted-a");
    first[0] ^= 1;

    assertThat(client.sharedSecret("private-encrypted-a")).isNotEqualTo(first);
  }

  @Test
  void aChannelThatIsNotEncryptedHasNone() {
    assertThatThrownBy(() -> client.sharedSecret("private-a"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not encrypted")
        .hasMessageContaining("private-encrypted-");
  }

  @Test
  void withoutAMasterKeyTheErrorSaysHowToSetOne() {
    assertThatThrownBy(() -> withoutKey.sharedSecret("private-encrypted-a"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no encryption master key")
        .hasMessageContaining("encryptionMasterKeyBase64");
  }

  @Test
  void anInvalidOrNullChannelNameIsRefused() {
    assertThatThrownBy(() -> client.sharedSecret("private-encrypted-a b")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> client.sharedSecret(null)).isInstanceOf(ValidationException.class);
  }
}
