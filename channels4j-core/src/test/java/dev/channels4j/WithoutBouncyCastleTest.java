package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.testing.RecordingHttpServer;
import org.junit.jupiter.api.Test;

/**
 * Core without Bouncy Castle, its optional dependency. Runs only in the surefire execution
 * {@code without-bouncycastle} (channels4j-core/pom.xml), whose class path leaves bcprov out; the
 * default execution skips it. The same operations with Bouncy Castle are covered by the encryption
 * tests of the default execution.
 */
class WithoutBouncyCastleTest extends RecordedClientFixture {
  @Override
  ChannelsClient.Builder configure(ChannelsClient.Builder builder) {
    return builder.encryptionMasterKeyBase64(TestClients.MASTER_KEY_BASE64);
  }

  @Test
  void bouncyCastleIsNotOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("org.bouncycastle.crypto.engines.XSalsa20Engine"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(ChannelEncryption.bouncyCastleAvailable()).isFalse();
  }

  @Test
  void triggerOnEncryptedChannelNamesTheArtifactToAddAndSendsNothing() {
    assertThatThrownBy(() -> client.trigger("private-encrypted-payments", "paid", "{\"amount\":1}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("private-encrypted-payments")
        .hasMessageContaining("org.bouncycastle:bcprov-jdk18on:1.");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void openingAnEncryptedEnvelopeNamesTheArtifactToAdd() {
    assertThatThrownBy(() -> ChannelEncryption.decryptWithSharedSecret(new byte[32], "AAAA", "AAAA"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("org.bouncycastle:bcprov-jdk18on:1.");
  }

  @Test
  void triggerOnOrdinaryChannelStillWorks() {
    server.enqueue(RecordingHttpServer.Reply.json("{}"));
    client.trigger("orders", "created", "{\"id\":1}");
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void authorizingAnEncryptedChannelNeedsOnlyTheJdk() {
    // The shared secret is SHA-256 of the channel name and master key: no cipher involved.
    assertThatCode(() -> client.authorizeChannel("123.456", "private-encrypted-payments"))
        .doesNotThrowAnyException();
  }
}
