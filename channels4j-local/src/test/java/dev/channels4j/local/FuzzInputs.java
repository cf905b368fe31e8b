package dev.channels4j.local;

import dev.channels4j.testsupport.Fuzz;
import java.util.List;
import java.util.function.Supplier;

/** JSON-ish text for the fuzz tests: valid values of every shape, and damaged ones. */
final class FuzzInputs {
  private static final List<String> STRINGS = List.of("\"private-room\"", "\"presence-room\"",
      "\"private-encrypted-room\"", "\"cache-room\"", "\"room\"", "\"#server-to-user-7\"", "\"123.456\"",
      "\"app-key:0000\"", "\"\"", "\"x\"", "\"" + "y".repeat(300) + "\"", "\"{\\\"channel\\\":\\\"room\\\"}\"");

  private FuzzInputs() {}

  static String value(Fuzz.Gen g, int depth) {
    Supplier<String> scalar = () -> g.oneOf(
        () -> g.of("null", "true", "false", "0", "-1", "1e400", "0.5", "12345678901234567890123"),
        () -> String.valueOf(g.anyInt()),
        () -> string(g));
    return g.jsonValue(depth, scalar, () -> key(g));
  }

  static String string(Fuzz.Gen g) {
    return g.oneOf(
        () -> g.of(STRINGS),
        () -> Fuzz.jsonString(g.encodableString(16)));
  }

  static String key(Fuzz.Gen g) {
    return g.oneOf(
        () -> g.of("\"name\"", "\"channel\"", "\"channels\"", "\"data\"", "\"socket_id\"", "\"info\"", "\"event\"",
            "\"batch\"", "\"auth\"", "\"channel_data\"", "\"user_data\"", "\"user_id\"", "\"user_info\"", "\"id\""),
        () -> string(g));
  }

  /** An event body of the HTTP API, its fields of any type. */
  static String eventBody(Fuzz.Gen g) {
    return g.damagedEncodable(() -> g.oneOf(
        () -> {
          String name = g.oneOf(() -> g.of("\"e\"", "\"pusher:x\"", "\"client-x\""), () -> value(g, 1));
          String channels = g.oneOf(() -> g.of("[\"room\"]", "[\"private-encrypted-room\",\"room\"]", "[]"), () -> value(g, 2));
          String data = g.oneOf(() -> g.of("\"d\"", "\"{}\""), () -> value(g, 2));
          String channel = g.oneOf(() -> g.of("\"room\"", "\"presence-room\""), () -> value(g, 1));
          String extra = g.oneOf(() -> g.of("\"123.456\"", "\"user_count\""), () -> value(g, 1));
          return "{\"name\":" + name + ",\"channels\":" + channels + ",\"data\":" + data + ",\"channel\":" + channel
              + ",\"socket_id\":" + extra + ",\"info\":" + extra + "}";
        },
        () -> value(g, 3)));
  }
}
