package dev.channels4j.fuzz;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generators of JSON-ish text: valid JSON values of every type, nested, and the same text cut
 * short or with a byte flipped, so parsers meet both well-formed input of the wrong shape and
 * input that is not JSON at all.
 */
final class JsonValues {
  private JsonValues() {}

  /** Any JSON value, nested up to {@code depth}. */
  static Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.just("null"),
        Arbitraries.of("true", "false"),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.of("1e400", "-0", "0.5", "1E-7", "12345678901234567890123"),
        string());
    if (depth <= 0) {
      return scalar;
    }
    Arbitrary<String> array = value(depth - 1).list().ofMaxSize(4)
        .map(items -> items.stream().collect(Collectors.joining(",", "[", "]")));
    Arbitrary<String> object = Arbitraries.entries(key(), value(depth - 1)).list().ofMaxSize(4)
        .map(entries -> entries.stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",", "{", "}")));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(1, array), net.jqwik.api.Tuple.of(1, object));
  }

  /** A JSON string literal, escapes and all. */
  static Arbitrary<String> string() {
    return Arbitraries.strings().ofMaxLength(20)
        .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t").chars()
            .mapToObj(c -> c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c))
            .collect(Collectors.joining()) + "\"");
  }

  /** Object keys: mostly ones the parsers look for, some arbitrary. */
  static Arbitrary<String> key() {
    return Arbitraries.oneOf(
        Arbitraries.of(List.of("\"time_ms\"", "\"events\"", "\"name\"", "\"channel\"", "\"event\"", "\"data\"",
            "\"socket_id\"", "\"user_id\"", "\"channels\"", "\"users\"", "\"id\"", "\"batch\"", "\"occupied\"",
            "\"user_count\"", "\"subscription_count\"", "\"cache\"", "\"ttl\"", "\"error\"", "\"code\"",
            "\"nonce\"", "\"ciphertext\"")),
        string());
  }

  /** Text that is JSON, or was JSON before it was damaged. */
  static Arbitrary<String> damaged(Arbitrary<String> json) {
    return Arbitraries.oneOf(
        json,
        json.flatMap(text -> Arbitraries.integers().between(0, text.length()).map(cut -> text.substring(0, cut))),
        json.flatMap(text -> text.isEmpty() ? Arbitraries.just(text)
            : Arbitraries.integers().between(0, text.length() - 1).flatMap(at -> Arbitraries.chars()
                .map(c -> text.substring(0, at) + c + text.substring(at + 1)))),
        Arbitraries.strings().ofMaxLength(60));
  }
}
