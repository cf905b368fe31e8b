package dev.channels4j.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.util.ClassUtils;

/** Run by the surefire execution without Bouncy Castle's PKIX artifact on the class path (see the pom). */
class WithoutBouncyCastleTest {

  @Test
  void tlsWithoutBouncyCastleSaysWhichTestDependencyToAdd() {
    assertThat(ClassUtils.isPresent("org.bouncycastle.cert.X509v3CertificateBuilder", getClass().getClassLoader()))
        .as("this test runs without bcpkix").isFalse();
    LocalChannelsContextCustomizer tls = new LocalChannelsContextCustomizer(false, true, true, true, true);
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      assertThatThrownBy(() -> tls.customizeContext(context, null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("@AutoConfigureLocalChannels(tls = true)")
          .hasMessageContaining("org.bouncycastle:bcpkix-jdk18on:");
      assertThat(context.getBeanFactory().containsSingleton(LocalChannelsContextCustomizer.BEAN_NAME)).isFalse();
    }
  }
}
