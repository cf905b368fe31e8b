package dev.channels4j.local;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** JSON-ish text for the fuzz tests: valid values of every shape, and damaged ones. */
final class FuzzInputs {
  private FuzzInputs() {}

  static Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.of("null", "true", "false", "0", "-1", "1e400", "0.5", "12345678901234567890123"),
        Arbitraries.integers().map(String::valueOf),
        string());
    if (depth <= 0) {
      return scalar;
    }
    Arbitrary<String> array = value(depth - 1).list().ofMaxSize(4)
        .map(items -> items.stream().collect(Collectors.joining(",", "[", "]")));
    Arbitrary<String> object = Arbitraries.entries(key(), value(depth - 1)).list().ofMaxSize(5)
        .map(entries -> entries.stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",", "{", "}")));
    return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(2, object));
  }

  static Arbitrary<String> string() {
    return Arbitraries.oneOf(
        Arbitraries.of(List.of("\"private-room\"", "\"presence-room\"", "\"private-encrypted-room\"", "\"cache-room\"",
            "\"room\"", "\"#server-to-user-7\"", "\"123.456\"", "\"app-key:0000\"", "\"\"", "\"x\"",
            "\"" + "y".repeat(300) + "\"", "\"{\\\"channel\\\":\\\"room\\\"}\"")),
        Arbitraries.strings().ofMaxLength(16).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").chars()
            .mapToObj(c -> c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c))
            .collect(Collectors.joining()) + "\""));
  }

  static Arbitrary<String> key() {
    return Arbitraries.oneOf(
        Arbitraries.of("\"name\"", "\"channel\"", "\"channels\"", "\"data\"", "\"socket_id\"", "\"info\"", "\"event\"",
            "\"batch\"", "\"auth\"", "\"channel_data\"", "\"user_data\"", "\"user_id\"", "\"user_info\"", "\"id\""),
        string());
  }

  /** JSON, or JSON cut short, or with one character replaced, or just text. */
  static Arbitrary<String> damaged(Arbitrary<String> json) {
    return Arbitraries.oneOf(
        json,
        json.flatMap(text -> Arbitraries.integers().between(0, text.length()).map(cut -> text.substring(0, cut))),
        json.flatMap(text -> text.isEmpty() ? Arbitraries.just(text)
            : Arbitraries.integers().between(0, text.length() - 1)
                .flatMap(at -> Arbitraries.chars().map(c -> text.substring(0, at) + c + text.substring(at + 1)))),
        Arbitraries.strings().ofMaxLength(40));
  }

  /** An event body of the HTTP API, its fields of any type. */
  static Arbitrary<String> eventBody() {
    Arbitrary<String> fields = Combinators.combine(
            Arbitraries.oneOf(Arbitraries.of("\"e\"", "\"pusher:x\"", "\"client-x\""), value(1)),
            Arbitraries.oneOf(Arbitraries.of("[\"room\"]", "[\"private-encrypted-room\",\"room\"]", "[]"), value(2)),
            Arbitraries.oneOf(Arbitraries.of("\"d\"", "\"{}\""), value(2)),
            Arbitraries.oneOf(Arbitraries.of("\"room\"", "\"presence-room\""), value(1)),
            Arbitraries.oneOf(Arbitraries.of("\"123.456\"", "\"user_count\""), value(1)))
        .as((name, channels, data, channel, extra) -> "{\"name\":" + name + ",\"channels\":" + channels
            + ",\"data\":" + data + ",\"channel\":" + channel + ",\"socket_id\":" + extra + ",\"info\":" + extra + "}");
    return damaged(Arbitraries.oneOf(fields, value(3)));
  }
}
