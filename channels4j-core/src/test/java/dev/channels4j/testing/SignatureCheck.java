package dev.channels4j.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes a Channels request signature from what arrived on the wire, independently of the
 * library's own signing code: HMAC-SHA256 over {@code METHOD\npath\nsorted query}, query values
 * percent-decoded, {@code auth_signature} left out.
 */
public final class SignatureCheck {
  private SignatureCheck() {}

  /** The signature the request should carry, recomputed with {@code secret}. */
  public static String expectedSignature(RecordingHttpServer.Recorded request, String secret) {
    TreeMap<String, String> sorted = new TreeMap<>(request.query());
    sorted.remove("auth_signature");
    StringBuilder toSign = new StringBuilder();
    toSign.append(request.method()).append('\n').append(request.rawPath()).append('\n');
    boolean first = true;
    for (Map.Entry<String, String> param : sorted.entrySet()) {
      if (!first) {
        toSign.append('&');
      }
      first = false;
      toSign.append(param.getKey()).append('=').append(param.getValue());
    }
    return hmacSha256Hex(secret, toSign.toString());
  }

  public static String hmacSha256Hex(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String md5Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
