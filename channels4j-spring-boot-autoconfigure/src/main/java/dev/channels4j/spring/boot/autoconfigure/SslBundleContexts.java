package dev.channels4j.spring.boot.autoconfigure;

import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;

/** {@code channels4j.ssl.bundle}: the named Spring Boot SSL bundle's context, for the client's transport. */
final class SslBundleContexts {
  private SslBundleContexts() {}

  static SSLContext of(String bundle, ObjectProvider<SslBundles> bundles) {
    String name = Placeholders.check("channels4j.ssl.bundle", bundle);
    if (name == null || name.isBlank()) {
      return null;
    }
    SslBundles available = bundles.getIfAvailable();
    if (available == null) {
      throw new ChannelsConfigurationException("channels4j.ssl.bundle",
          "names SSL bundle '" + name + "' but the application has no SslBundles: declare it under spring.ssl.bundle.*");
    }
    try {
      return available.getBundle(name.trim()).createSslContext();
    } catch (NoSuchSslBundleException e) {
      throw new ChannelsConfigurationException("channels4j.ssl.bundle",
          "there is no SSL bundle named '" + name + "': declare it under spring.ssl.bundle.jks." + name
              + " or spring.ssl.bundle.pem." + name);
    }
  }
}
