package dev.channels4j.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made at test time with the JDK's {@code keytool} (no key material in the
 * repository), and the {@link SSLContext}s that serve and trust them. Trust is always by a trust
 * store holding the certificate: nothing here turns a check off.
 *
 * <pre>{@code
 * TestCertificates localhost = TestCertificates.generate(dir, "dns:localhost,ip:127.0.0.1");
 * SSLContext serving = localhost.serverContext();
 * SSLContext trusting = localhost.trustingContext();
 * }</pre>
 */
public final class TestCertificates {
  private static final char[] PASSWORD = "test-only".toCharArray();
  private final KeyStore keyStore;

  private TestCertificates(KeyStore keyStore) {
    this.keyStore = keyStore;
  }

  /** A new EC key and a self-signed certificate whose subject alternative names are {@code san} (keytool syntax). */
  public static TestCertificates generate(Path directory, String san) {
    Path file = directory.resolve("server-" + Math.abs(san.hashCode()) + ".p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> command = List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=channels4j test", "-ext", "SAN=" + san, "-validity", "2", "-storetype", "PKCS12",
        "-keystore", file.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        store.load(in, PASSWORD);
      }
      return new TestCertificates(store);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not generate a test certificate", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A context that presents this certificate, for a server. */
  public SSLContext serverContext() {
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A context that trusts this certificate (and nothing else), as a private CA is trusted. */
  public SSLContext trustingContext() {
    try {
      Certificate certificate = keyStore.getCertificate("server");
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("private-ca", certificate);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
