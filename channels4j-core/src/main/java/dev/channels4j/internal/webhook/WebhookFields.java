package dev.channels4j.internal.webhook;

import dev.channels4j.internal.Errors;
import dev.channels4j.internal.validation.StrictUtf8;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;

/**
 * The strict readings of a verified webhook's body: what a lenient reading would silently change
 * (invalid UTF-8 into U+FFFD, {@code 1e400} into {@code Long.MAX_VALUE}) is refused instead, as the
 * local server refuses it on its own API.
 */
final class WebhookFields {
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private WebhookFields() {}

  /** The body as text; bytes that are not UTF-8 (an overlong {@code C0 AF}, a lone continuation byte) fail. */
  static String utf8(byte[] body) {
    try {
      return StrictUtf8.decode(body);
    } catch (CharacterCodingException e) {
      throw Errors.webhookVerification("webhook body is not valid UTF-8", e);
    }
  }

  /**
   * {@code time_ms}: an integer from 0 to {@link Long#MAX_VALUE}. A fraction, a negative number, or
   * one out of range ({@code 1e400}) is refused, not rounded or clamped: a check of the webhook's
   * age would otherwise judge a made-up time. Codecs that read every number as a double (Gson) give
   * integral doubles, accepted when exact.
   */
  static long timeMs(Object time) {
    if (!(time instanceof Number number)) {
      throw Errors.webhookVerification("webhook time_ms is not a number: " + shorten(String.valueOf(time)));
    }
    BigInteger value = integerValue(number);
    if (value == null || value.signum() < 0 || value.compareTo(MAX_LONG) > 0) {
      throw Errors.webhookVerification(
          "webhook time_ms is not an integer from 0 to " + Long.MAX_VALUE + ": " + shorten(number.toString()));
    }
    return value.longValue();
  }

  /** The number's exact integer value, or null when it has a fraction or is not finite. */
  private static BigInteger integerValue(Number number) {
    if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return BigInteger.valueOf(number.longValue());
    }
    if (number instanceof BigInteger big) {
      return big;
    }
    BigDecimal decimal;
    if (number instanceof BigDecimal exact) {
      decimal = exact;
    } else {
      double d = number.doubleValue();
      if (!Double.isFinite(d)) {
        return null;
      }
      decimal = new BigDecimal(d);
    }
    // Out of range is refused by the caller: skip the work of exact conversion for huge exponents.
    if (decimal.precision() - decimal.scale() > 20) {
      return MAX_LONG.add(BigInteger.ONE);
    }
    try {
      return decimal.toBigIntegerExact();
    } catch (ArithmeticException fraction) {
      return null;
    }
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
