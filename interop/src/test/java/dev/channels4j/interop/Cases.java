package dev.channels4j.interop;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random inputs for the differential tests. The seed is printed with every failure, and
 * {@code -Dchannels4j.interop.seed=<n>} replays a run; {@code -Dchannels4j.interop.cases=<n>}
 * changes how many cases each test draws (default 1000).
 */
final class Cases {
  static final long SEED = Long.getLong("channels4j.interop.seed", 20261128L);
  static final int COUNT = Integer.getInteger("channels4j.interop.cases", 1000);

  private static final String CHANNEL_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=@,.;";
  private static final String[] TEXT_POOLS = {
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    " \"\\/&=?#%+,.;:<>{}[]'`~!$^*()|",
    "\n\t\r\b\f\u0000\u0001\u001f\u007f",
    "éÅßñøçÜ",
    "中文字符日本語한국어",
    "\u2028\u2029\uFEFF\u00a0\u200b",
  };
  private static final String[] SUPPLEMENTARY = {"😀", "🎉", "𝄞", "🇪🇺"};

  final Random random;

  Cases(long seed) {
    this.random = new Random(seed);
  }

  int between(int lowInclusive, int highInclusive) {
    return (int) (lowInclusive + Math.floorMod(random.nextLong(), (long) highInclusive - lowInclusive + 1));
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  /** Text mixing ASCII, JSON escapes, control characters, non-Latin scripts and emoji. */
  String text(int maxLength) {
    int length = between(0, maxLength);
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      int pool = random.nextInt(TEXT_POOLS.length + 1);
      if (pool == TEXT_POOLS.length) {
        out.append(SUPPLEMENTARY[random.nextInt(SUPPLEMENTARY.length)]);
      } else {
        String chars = TEXT_POOLS[pool];
        out.append(chars.charAt(random.nextInt(chars.length())));
      }
    }
    return out.toString();
  }

  String nonEmptyText(int maxLength) {
    String text = text(maxLength);
    return text.isEmpty() ? "x" : text;
  }

  /** Letters and digits only, e.g. for app keys. */
  String alphanumeric(int minLength, int maxLength) {
    int length = between(minLength, maxLength);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(CHANNEL_CHARS.charAt(random.nextInt(62)));
    }
    return out.toString();
  }

  /** A valid channel name with the prefix, total length at most 200. */
  String channel(String prefix) {
    int room = 200 - prefix.length();
    int length = chance(0.1) ? room : between(1, Math.min(room, 40));
    StringBuilder out = new StringBuilder(prefix);
    for (int i = 0; i < length; i++) {
      out.append(CHANNEL_CHARS.charAt(random.nextInt(CHANNEL_CHARS.length())));
    }
    return out.toString();
  }

  String socketId() {
    return digits(between(1, 18)) + "." + digits(between(1, 18));
  }

  private String digits(int count) {
    StringBuilder out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  /** A user id: any text of 1..128 characters (presence and sign-in do not restrict the characters). */
  String userId() {
    String id = nonEmptyText(between(1, 60));
    return id.length() > 128 ? id.substring(0, 128) : id;
  }

  byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  String masterKeyBase64() {
    return Base64.getEncoder().encodeToString(bytes(32));
  }

  /** A size skewed small, with some large ones: 0..maxBytes. */
  int size(int maxBytes) {
    double r = random.nextDouble();
    if (r < 0.5) {
      return between(0, 64);
    }
    if (r < 0.85) {
      return between(0, 1024);
    }
    return between(0, maxBytes);
  }

  /** A JSON value: objects, arrays, strings with escapes, integers, exact decimals, booleans, null. */
  Object jsonValue(int depth) {
    int kind = random.nextInt(depth <= 0 ? 5 : 7);
    switch (kind) {
      case 0:
        return text(30);
      case 1:
        return random.nextInt();
      case 2:
        return random.nextBoolean();
      case 3:
        return null;
      case 4:
        // Exact binary fractions: both JSON writers print these alike.
        return between(-1000, 1000) / 4.0 + 0.25;
      case 5:
        return jsonObject(depth - 1);
      default:
        List<Object> list = new ArrayList<>();
        for (int i = between(0, 4); i > 0; i--) {
          list.add(jsonValue(depth - 1));
        }
        return list;
    }
  }

  Map<String, Object> jsonObject(int depth) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = between(0, 5); i > 0; i--) {
      object.put(text(12), jsonValue(depth));
    }
    return object;
  }
}
