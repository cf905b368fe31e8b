package dev.channels4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretKeysTest {

  @Test
  void theEnvironmentVariablesTheReadmeSuggestsAreSecret() {
    assertThat(SecretKeys.isSecret("PUSHER_URL")).isTrue();
    assertThat(SecretKeys.isSecret("PUSHER_ENCRYPTION_MASTER_KEY")).isTrue();
    assertThat(SecretKeys.isSecret("CHANNELS4J_SECRET")).isTrue();
    assertThat(SecretKeys.isSecret("CHANNELS4J_ENCRYPTION_MASTER_KEY")).isTrue();
  }

  @Test
  void channels4jPropertiesHoldingSecretsAreSecretHoweverSpelled() {
    assertThat(SecretKeys.isSecret("channels4j.secret")).isTrue();
    assertThat(SecretKeys.isSecret("channels4j.encryption-master-key")).isTrue();
    assertThat(SecretKeys.isSecret("channels4j.proxy.password")).isTrue();
    assertThat(SecretKeys.isSecret("channels4j.webhooks.credentials[0].secret")).isTrue();
  }

  @Test
  void otherSettingsAreNotSecret() {
    assertThat(SecretKeys.isSecret("channels4j.key")).isFalse();
    assertThat(SecretKeys.isSecret("channels4j.app-id")).isFalse();
    assertThat(SecretKeys.isSecret("PUSHER_APP_KEY")).isFalse();
  }
}
