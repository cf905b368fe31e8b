package dev.channels4j.spring.boot.test;

import dev.channels4j.local.TlsIdentity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * {@code @AutoConfigureLocalChannels(tls = true)}: the local server's self-signed identity, and the
 * trust the application's client gets for it. The trust goes the way a user's own configuration
 * goes (an SSL bundle named by {@code channels4j.ssl.bundle}), so the test exercises the
 * application's real TLS path, and the client trusts this one certificate, not the JVM's trust store.
 */
final class LocalServerTls {
  static final String BUNDLE = "channels4j-local-server";
  static final String PROPERTY_SOURCE = "channels4jLocalServerTls";
  private static final String BOUNCY_CASTLE_PKIX = "org.bouncycastle.cert.X509v3CertificateBuilder";
  private static final Pattern ARTIFACT = Pattern.compile("org\\.bouncycastle:bcpkix-jdk18on:[\\w.-]+");

  private LocalServerTls() {}

  /** A new self-signed certificate for localhost and 127.0.0.1; says which test dependency to add when Bouncy Castle is missing. */
  static TlsIdentity selfSigned(ClassLoader loader) {
    try {
      return TlsIdentity.selfSigned();
    } catch (IllegalStateException e) {
      if (ClassUtils.isPresent(BOUNCY_CASTLE_PKIX, loader)) {
        throw e;
      }
      Matcher artifact = ARTIFACT.matcher(String.valueOf(e.getMessage()));
      throw new IllegalStateException("@AutoConfigureLocalChannels(tls = true) makes a self-signed certificate with"
          + " Bouncy Castle, which is not on the test class path: add "
          + (artifact.find() ? artifact.group() : "org.bouncycastle:bcpkix-jdk18on")
          + " to the test dependencies (scope test)", e);
    }
  }

  /**
   * The certificate as an SSL bundle of PEM trust (inline: Spring Boot reads PEM text as well as a
   * location) and {@code channels4j.ssl.bundle} naming it, at the highest precedence, like
   * {@code @DynamicPropertySource}: it wins over a bundle the application names for production (a
   * corporate CA), as the local server's connection details win over its connection properties.
   */
  static void trustIn(ConfigurableEnvironment environment, TlsIdentity identity) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.ssl.bundle.pem." + BUNDLE + ".truststore.certificate", identity.certificatePem());
    properties.put("channels4j.ssl.bundle", BUNDLE);
    environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
  }
}
