package dev.channels4j.local;

import dev.channels4j.local.internal.tls.Pem;
import dev.channels4j.local.internal.tls.SelfSigned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificate and private key a {@link LocalServer} serves HTTPS and WSS with, on its one
 * port. Immutable; {@link #toString()} never shows the key.
 *
 * <pre>{@code
 * TlsIdentity identity = TlsIdentity.selfSigned(); // for localhost and 127.0.0.1
 * try (LocalServer server = LocalServer.builder().tls(identity).build().start();
 *      ChannelsClient client = ChannelsClient.builder().url(server.pusherUrl())
 *          .sslContext(identity.trustingSslContext().orElseThrow()).build()) {
 *   client.trigger("orders", "created", Map.of("id", 42));
 * }
 * }</pre>
 *
 * <p>From files: {@link #fromPem(Path, Path)}; from a key store: {@link #fromKeyStore(KeyStore,
 * char[])}; or any server {@link SSLContext} ({@link #fromSslContext(SSLContext)}).
 */
public final class TlsIdentity {
  /** How long {@link #selfSigned()} certificates are valid. */
  public static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(365);

  private final PrivateKey key;
  private final List<X509Certificate> chain;
  private final SSLContext given;

  private TlsIdentity(PrivateKey key, List<X509Certificate> chain, SSLContext given) {
    this.key = key;
    this.chain = chain;
    this.given = given;
  }

  /**
   * A new self-signed certificate for {@code localhost} and {@code 127.0.0.1} (subject alternative
   * names DNS:localhost, IP:127.0.0.1), valid for {@link #SELF_SIGNED_VALIDITY}. Clients trust it
   * with {@link #trustingSslContext()} or the PEM of {@link #writePem}.
   */
  public static TlsIdentity selfSigned() {
    requireBouncyCastle("a self-signed certificate");
    SelfSigned.Made made = SelfSigned.make(Clock.systemUTC().instant(), SELF_SIGNED_VALIDITY);
    return new TlsIdentity(made.keys().getPrivate(), List.of(made.certificate()), null);
  }

  /**
   * Reads a PEM certificate chain (the server's certificate first) and its unencrypted PEM private
   * key (PKCS#8 {@code PRIVATE KEY}, {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY}).
   *
   * @throws IllegalArgumentException naming the file when it is missing or holds no certificate or key
   */
  public static TlsIdentity fromPem(Path certificateChain, Path privateKey) {
    if (certificateChain == null || privateKey == null) {
      throw new IllegalArgumentException("both the certificate file and the private key file are needed");
    }
    requireBouncyCastle("reading PEM files");
    return of(Pem.readPrivateKey(privateKey), Pem.readCertificates(certificateChain));
  }

  /** A key and its certificate chain, the server's certificate first. */
  public static TlsIdentity of(PrivateKey key, List<X509Certificate> chain) {
    if (key == null || chain == null || chain.isEmpty()) {
      throw new IllegalArgumentException("a private key and at least one certificate are needed");
    }
    return new TlsIdentity(key, List.copyOf(chain), null);
  }

  /**
   * The first private key entry of a key store (PKCS12 or JKS) and its chain, copied: later changes
   * to the store do not reach this identity.
   *
   * @param password the key's password (for PKCS12, the store's)
   */
  public static TlsIdentity fromKeyStore(KeyStore keyStore, char[] password) {
    if (keyStore == null) {
      throw new IllegalArgumentException("keyStore must not be null");
    }
    try {
      for (String alias : Collections.list(keyStore.aliases())) {
        if (keyStore.isKeyEntry(alias)) {
          Key key = keyStore.getKey(alias, password);
          Certificate[] chain = keyStore.getCertificateChain(alias);
          if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
            return of(privateKey, java.util.Arrays.stream(chain).map(X509Certificate.class::cast).toList());
          }
        }
      }
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("cannot read a private key from the key store: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("the key store holds no private key entry with a certificate chain");
  }

  /**
   * A server {@link SSLContext} used as it is. {@link #certificateChain()} is then empty and
   * {@link #trustingSslContext()} too: clients need their own trust.
   */
  public static TlsIdentity fromSslContext(SSLContext context) {
    if (context == null) {
      throw new IllegalArgumentException("context must not be null");
    }
    return new TlsIdentity(null, List.of(), context);
  }

  /** The certificate chain, the server's certificate first; empty for {@link #fromSslContext}. */
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  /**
   * An {@link SSLContext} for clients that trusts this identity's certificate (the last of its
   * chain, the self-signed one or the topmost issuer given), and nothing else; empty for {@link
   * #fromSslContext}.
   */
  public Optional<SSLContext> trustingSslContext() {
    if (chain.isEmpty()) {
      return Optional.empty();
    }
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("local-server", chain.get(chain.size() - 1));
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return Optional.of(context);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a trusting SSLContext: " + e.getMessage(), e);
    }
  }

  /** The certificate chain as PEM text, the server's certificate first; empty for {@link #fromSslContext}. */
  public String certificatePem() {
    requireBouncyCastle("writing PEM");
    return Pem.write(chain.toArray());
  }

  /**
   * Writes the certificate chain and the private key as PEM files (the key PKCS#8, readable by
   * its owner only where the file system has POSIX permissions), replacing existing files.
   *
   * @throws IllegalStateException for {@link #fromSslContext}, whose key is not known
   */
  public void writePem(Path certificateFile, Path keyFile) {
    if (key == null) {
      throw new IllegalStateException("an identity made from an SSLContext has no key to write");
    }
    try {
      Files.writeString(certificateFile, certificatePem(), StandardCharsets.US_ASCII);
      Files.deleteIfExists(keyFile);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(keyFile, Pem.write(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null).generate()),
          StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the certificate or key: " + e.getMessage(), e);
    }
  }

  /**
   * Bouncy Castle's PKIX artifact is an optional dependency of the local server, so that a test
   * kit without TLS brings no Bouncy Castle: say what to add instead of a NoClassDefFoundError.
   */
  private static void requireBouncyCastle(String what) {
    try {
      Class.forName("org.bouncycastle.cert.X509v3CertificateBuilder", false, TlsIdentity.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(what + " needs Bouncy Castle: add org.bouncycastle:bcpkix-jdk18on:"
          + "1.83 to your dependencies (on the module path also requires org.bouncycastle.pkix), or give "
          + "the server a KeyStore or SSLContext with TlsIdentity.fromKeyStore/fromSslContext");
    }
  }

  /** The server's SSLContext: the one given, or one serving this key and chain. */
  SSLContext serverContext() {
    if (given != null) {
      return given;
    }
    try {
      char[] password = new char[16];
      SecureRandom random = new SecureRandom();
      for (int i = 0; i < password.length; i++) {
        password[i] = (char) ('a' + random.nextInt(26));
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("local-server", key, password, chain.toArray(new Certificate[0]));
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the server's SSLContext: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    if (chain.isEmpty()) {
      return "TlsIdentity[from an SSLContext]";
    }
    X509Certificate leaf = chain.get(0);
    return "TlsIdentity[" + leaf.getSubjectX500Principal().getName() + ", valid until " + leaf.getNotAfter().toInstant()
        + ", chain of " + chain.size() + "]";
  }
}
