package dev.channels4j.internal.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, MD5 and SHA-256 over bytes, with lower-case hex output, as every Channels signature uses.
 *
 * <p>Looking up an algorithm and keying a {@link Mac} cost more than hashing a request, so each
 * thread keeps its digests and its last keyed MAC; a MAC is reset by {@code doFinal}, a digest by
 * {@code digest}, so a cached instance is always ready for the next message.
 */
public final class Hashing {
  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<KeyedMac> MAC = new ThreadLocal<>();
  private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> newDigest("MD5"));
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> newDigest("SHA-256"));

  private Hashing() {}

  /** Lower-case hex HMAC-SHA256 of {@code message} keyed by the UTF-8 bytes of {@code secret}. */
  public static String hmacSha256Hex(String secret, String message) {
    return hmacSha256Hex(secret, message.getBytes(StandardCharsets.UTF_8));
  }

  /** Lower-case hex HMAC-SHA256 of {@code message} keyed by the UTF-8 bytes of {@code secret}. */
  public static String hmacSha256Hex(String secret, byte[] message) {
    return HEX.formatHex(hmacSha256(secret, message));
  }

  /** Raw HMAC-SHA256 of {@code message} keyed by the UTF-8 bytes of {@code secret}. */
  public static byte[] hmacSha256(String secret, byte[] message) {
    KeyedMac cached = MAC.get();
    if (cached == null || !cached.secret.equals(secret)) {
      cached = new KeyedMac(secret, newMac(secret));
      MAC.set(cached);
    }
    return cached.mac.doFinal(message);
  }

  private static Mac newMac(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** A MAC keyed with {@code secret}; the secret is kept only to know which key the MAC holds. */
  private record KeyedMac(String secret, Mac mac) {
    @Override
    public String toString() {
      return "KeyedMac";
    }
  }

  /** Lower-case hex MD5 of the bytes, as {@code body_md5} wants them. */
  public static String md5Hex(byte[] bytes) {
    return HEX.formatHex(MD5.get().digest(bytes));
  }

  /** SHA-256 of the bytes. */
  public static byte[] sha256(byte[] bytes) {
    return SHA256.get().digest(bytes);
  }

  /**
   * Compares a hex signature received from outside with the expected raw MAC in constant time.
   * Upper- and lower-case hex are both accepted; anything that is not hex of the right length is unequal.
   */
  public static boolean hexSignatureMatches(byte[] expected, String receivedHex) {
    if (receivedHex == null || receivedHex.length() != expected.length * 2) {
      return false;
    }
    byte[] received;
    try {
      received = HEX.parseHex(receivedHex);
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(expected, received);
  }

  /** Compares two strings in time independent of where they differ. */
  public static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available in this JVM", e);
    }
  }
}
