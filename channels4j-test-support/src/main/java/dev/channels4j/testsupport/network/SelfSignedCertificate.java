package dev.channels4j.testsupport.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway RSA 2048 certificate for {@code localhost} and {@code 127.0.0.1}, made at run time
 * by the JDK's {@code keytool} (no extra dependency), valid for 30 days. {@link #keyStore()} holds
 * the key and certificate for a server; {@link #trustStore()} holds the certificate alone, for a
 * client that should trust this server and nothing else.
 *
 * <pre>{@code
 * SelfSignedCertificate certificate = SelfSignedCertificate.generate(tempDir);
 * SSLContext server = certificate.serverContext();
 * SSLContext client = certificate.clientContext();   // trusts this certificate only
 * }</pre>
 *
 * <p>Both stores are PKCS12 files protected by {@link #PASSWORD}, which is not a secret: the key
 * protects nothing but a loopback test.
 */
public final class SelfSignedCertificate {
  /** The password of both stores; public on purpose (a loopback test key). */
  public static final String PASSWORD = "channels4j-test-only";
  private static final String ALIAS = "localhost";

  private final Path keyStore;
  private final Path trustStore;

  private SelfSignedCertificate(Path keyStore, Path trustStore) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
  }

  /** Writes {@code server.p12} and {@code trust.p12} into {@code directory} (created if missing). */
  public static SelfSignedCertificate generate(Path directory) {
    Objects.requireNonNull(directory, "directory must not be null: where to write the stores");
    try {
      Files.createDirectories(directory);
      Path keyStore = directory.resolve("server.p12");
      Path trustStore = directory.resolve("trust.p12");
      Files.deleteIfExists(keyStore);
      keytool(keyStore);
      KeyStore keys = load(keyStore);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry(ALIAS, keys.getCertificate(ALIAS));
      try (OutputStream out = Files.newOutputStream(trustStore)) {
        trust.store(out, PASSWORD.toCharArray());
      }
      return new SelfSignedCertificate(keyStore, trustStore);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not make a self-signed certificate in " + directory + ": " + e, e);
    }
  }

  /** Opens stores written earlier by {@link #generate(Path)} (for another process of the same run). */
  public static SelfSignedCertificate existing(Path directory) {
    return new SelfSignedCertificate(directory.resolve("server.p12"), directory.resolve("trust.p12"));
  }

  /** The server's key and certificate (PKCS12, alias {@code localhost}, password {@link #PASSWORD}). */
  public Path keyStore() {
    return keyStore;
  }

  /** The certificate alone, as a trusted entry (PKCS12, password {@link #PASSWORD}). */
  public Path trustStore() {
    return trustStore;
  }

  /** The certificate itself. */
  public Certificate certificate() {
    try {
      return load(trustStore).getCertificate(ALIAS);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not read " + trustStore + ": " + e, e);
    }
  }

  /** A TLS context serving this certificate. */
  public SSLContext serverContext() {
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(load(keyStore), PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not build a server TLS context from " + keyStore + ": " + e, e);
    }
  }

  /** A TLS context trusting this certificate and no other. */
  public SSLContext clientContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers().getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not build a client TLS context from " + trustStore + ": " + e, e);
    }
  }

  /** Trust managers trusting this certificate and no other. */
  public TrustManagerFactory trustManagers() {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(load(trustStore));
      return trust;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not read " + trustStore + ": " + e, e);
    }
  }

  private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private static void keytool(Path keyStore) throws IOException {
    String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> command = List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048",
        "-validity", "30", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-storetype", "PKCS12", "-keystore", keyStore.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("keytool failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
  }
}
