package dev.channels4j.fuzz;

import dev.channels4j.testsupport.Fuzz;
import java.util.List;
import java.util.function.Supplier;

/**
 * Generators of JSON-ish text: valid JSON values of every type, nested, and the same text cut
 * short or with a character replaced, so parsers meet both well-formed input of the wrong shape
 * and input that is not JSON at all.
 */
final class JsonValues {
  private static final List<String> KEYS = List.of("\"time_ms\"", "\"events\"", "\"name\"", "\"channel\"", "\"event\"",
      "\"data\"", "\"socket_id\"", "\"user_id\"", "\"channels\"", "\"users\"", "\"id\"", "\"batch\"", "\"occupied\"",
      "\"user_count\"", "\"subscription_count\"", "\"cache\"", "\"ttl\"", "\"error\"", "\"code\"",
      "\"nonce\"", "\"ciphertext\"");

  private JsonValues() {}

  /** Any JSON value, nested up to {@code depth}. */
  static String value(Fuzz.Gen g, int depth) {
    Supplier<String> scalar = () -> g.oneOf(
        () -> "null",
        () -> g.of("true", "false"),
        () -> String.valueOf(g.anyInt()),
        () -> String.valueOf(g.anyLong()),
        () -> g.of("1e400", "-0", "0.5", "1E-7", "12345678901234567890123"),
        () -> string(g));
    return g.jsonValue(depth, scalar, () -> key(g));
  }

  /** A JSON string literal, escapes and all. */
  static String string(Fuzz.Gen g) {
    return Fuzz.jsonString(g.string(20));
  }

  /** Object keys: mostly ones the parsers look for, some arbitrary. */
  static String key(Fuzz.Gen g) {
    return g.oneOf(() -> g.of(KEYS), () -> string(g));
  }
}
