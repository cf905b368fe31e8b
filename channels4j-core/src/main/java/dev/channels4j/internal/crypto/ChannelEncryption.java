package dev.channels4j.internal.crypto;

import dev.channels4j.ValidationException;
import dev.channels4j.internal.Errors;
import dev.channels4j.internal.api.Version;
import dev.channels4j.internal.signing.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * End-to-end encryption of {@code private-encrypted-} channels: NaCl secretbox (XSalsa20-Poly1305)
 * under a per-channel key {@code SHA-256(channel name bytes ‖ master key)}.
 *
 * <p>Holds a copy of the 32-byte master key; never prints it.
 *
 * <p>Bouncy Castle is an optional dependency: only {@link #encrypt} and the {@code decrypt} methods
 * need it, and they check for it first ({@link #requireBouncyCastle}), so a missing jar is a
 * {@link ValidationException} naming the artifact, never a {@code NoClassDefFoundError}. Shared
 * secrets (SHA-256) need nothing but the JDK.
 */
public final class ChannelEncryption {
  public static final int MASTER_KEY_BYTES = 32;
  public static final int NONCE_BYTES = 24;
  private static final int TAG_BYTES = 16;
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

  private final byte[] masterKey;
  private final SecureRandom random;

  public ChannelEncryption(byte[] masterKey) {
    this(masterKey, new SecureRandom());
  }

  public ChannelEncryption(byte[] masterKey, SecureRandom random) {
    if (masterKey.length != MASTER_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the encryption master key must be 32 bytes, got " + masterKey.length);
    }
    this.masterKey = masterKey.clone();
    this.random = random;
  }

  /** The per-channel key, {@code SHA-256(channelName ‖ masterKey)}. */
  public byte[] sharedSecret(String channelName) {
    byte[] name = channelName.getBytes(StandardCharsets.UTF_8);
    byte[] input = Arrays.copyOf(name, name.length + masterKey.length);
    System.arraycopy(masterKey, 0, input, name.length, masterKey.length);
    return Hashing.sha256(input);
  }

  /** The per-channel key as padded standard base64, as auth responses carry it. */
  public String sharedSecretBase64(String channelName) {
    return BASE64.encodeToString(sharedSecret(channelName));
  }

  /**
   * The configured key for an encrypted channel; refuses, saying which builder setting to add, when
   * none is configured. Checked before any data is encoded.
   */
  public static ChannelEncryption required(ChannelEncryption configured, String channel) {
    if (configured == null) {
      throw Errors.validation(
          "channel \"" + channel + "\" is encrypted but no encryption master key is configured;"
              + " set encryptionMasterKeyBase64(...) on the builder");
    }
    return configured;
  }

  /** Encrypts with a fresh random nonce and returns the envelope. */
  public Envelope encrypt(String channelName, byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    return encrypt(channelName, plaintext, nonce);
  }

  /** Encrypts with the given nonce; for tests and vectors only, a nonce must never be reused. */
  public Envelope encrypt(String channelName, byte[] plaintext, byte[] nonce) {
    requireBouncyCastle(channelName);
    byte[] box = SecretBox.seal(sharedSecret(channelName), nonce, plaintext);
    return new Envelope(BASE64.encodeToString(nonce), BASE64.encodeToString(box));
  }

  /**
   * Opens an envelope.
   *
   * @throws DecryptionException when the envelope is malformed or does not authenticate under this key
   */
  public byte[] decrypt(String channelName, String nonceBase64, String ciphertextBase64) {
    return decryptWithSharedSecret(sharedSecret(channelName), nonceBase64, ciphertextBase64);
  }

  /**
   * Opens an envelope with a channel's shared secret, as a subscriber does with the
   * {@code shared_secret} of its auth response (it never sees the master key).
   *
   * @throws DecryptionException when the envelope is malformed or does not authenticate under this key
   */
  public static byte[] decryptWithSharedSecret(byte[] sharedSecret, String nonceBase64, String ciphertextBase64) {
    requireBouncyCastle(null);
    if (sharedSecret == null || sharedSecret.length != 32) {
      throw new DecryptionException("the shared secret must be 32 bytes");
    }
    byte[] nonce;
    byte[] box;
    try {
      nonce = BASE64_DECODER.decode(nonceBase64);
      box = BASE64_DECODER.decode(ciphertextBase64);
    } catch (IllegalArgumentException e) {
      throw new DecryptionException("nonce or ciphertext is not valid base64");
    }
    if (nonce.length != NONCE_BYTES) {
      throw new DecryptionException("nonce must be 24 bytes, got " + nonce.length);
    }
    return SecretBox.open(sharedSecret, nonce, box);
  }

  /** The artifact to add for encrypted channels, {@code org.bouncycastle:bcprov-jdk18on:<version>}. */
  public static final String BOUNCY_CASTLE_ARTIFACT = "org.bouncycastle:bcprov-jdk18on:" + Version.BOUNCY_CASTLE;

  /** Whether Bouncy Castle's XSalsa20 can be loaded (on the class path, or read by this module). */
  public static boolean bouncyCastleAvailable() {
    return BouncyCastleCheck.AVAILABLE;
  }

  /**
   * Throws a {@link ValidationException} naming the artifact to add when Bouncy Castle is missing.
   *
   * @param channelName the channel being used, for the message; may be null
   */
  public static void requireBouncyCastle(String channelName) {
    if (!BouncyCastleCheck.AVAILABLE) {
      throw Errors.validation((channelName == null ? "encrypted channels" : "channel \"" + channelName + "\"")
          + " need" + (channelName == null ? "" : "s") + " Bouncy Castle for end-to-end encryption, which is not on the"
          + " class path: add the dependency " + BOUNCY_CASTLE_ARTIFACT
          + " (on the module path also 'requires org.bouncycastle.provider;')");
    }
  }

  @Override
  public String toString() {
    return "ChannelEncryption[masterKey=<hidden>]";
  }

  /** Looked up once; {@link SecretBox} is only loaded (and Bouncy Castle linked) after this says yes. */
  private static final class BouncyCastleCheck {
    static final boolean AVAILABLE = probe();

    private static boolean probe() {
      try {
        Class.forName("org.bouncycastle.crypto.engines.XSalsa20Engine", false, ChannelEncryption.class.getClassLoader());
        Class.forName("org.bouncycastle.crypto.macs.Poly1305", false, ChannelEncryption.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  }

  /** The {@code {"nonce":..,"ciphertext":..}} envelope, both fields padded standard base64. */
  public record Envelope(String nonce, String ciphertext) {
    /** The envelope as the JSON text that becomes an event's {@code data}. */
    public String toJson() {
      // Both values are base64, which never needs JSON escaping.
      return "{\"nonce\":\"" + nonce + "\",\"ciphertext\":\"" + ciphertext + "\"}";
    }
  }

  /** Thrown when an envelope cannot be opened. */
  public static final class DecryptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DecryptionException(String message) {
      super(message);
    }
  }

  /** NaCl {@code crypto_secretbox} built from Bouncy Castle's XSalsa20 and Poly1305. */
  static final class SecretBox {
    private SecretBox() {}

    static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
      XSalsa20Engine cipher = new XSalsa20Engine();
      cipher.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
      // The first 32 bytes of keystream are the one-time Poly1305 key.
      byte[] polyKey = new byte[32];
      cipher.processBytes(polyKey, 0, 32, polyKey, 0);
      byte[] out = new byte[TAG_BYTES + plaintext.length];
      cipher.processBytes(plaintext, 0, plaintext.length, out, TAG_BYTES);
      Poly1305 mac = new Poly1305();
      mac.init(new KeyParameter(polyKey));
      mac.update(out, TAG_BYTES, plaintext.length);
      mac.doFinal(out, 0);
      return out;
    }

    static byte[] open(byte[] key, byte[] nonce, byte[] box) {
      if (box.length < TAG_BYTES) {
        throw new DecryptionException("ciphertext is shorter than the 16-byte authentication tag");
      }
      XSalsa20Engine cipher = new XSalsa20Engine();
      cipher.init(false, new ParametersWithIV(new KeyParameter(key), nonce));
      byte[] polyKey = new byte[32];
      cipher.processBytes(polyKey, 0, 32, polyKey, 0);
      Poly1305 mac = new Poly1305();
      mac.init(new KeyParameter(polyKey));
      mac.update(box, TAG_BYTES, box.length - TAG_BYTES);
      byte[] tag = new byte[TAG_BYTES];
      mac.doFinal(tag, 0);
      if (!MessageDigest.isEqual(tag, Arrays.copyOf(box, TAG_BYTES))) {
        throw new DecryptionException("ciphertext does not authenticate: wrong key or tampered data");
      }
      byte[] plaintext = new byte[box.length - TAG_BYTES];
      cipher.processBytes(box, TAG_BYTES, plaintext.length, plaintext, 0);
      return plaintext;
    }
  }
}
