package dev.channels4j.cli;

import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;

/**
 * Compact JSON for {@code --json} output: one value per line, easy to feed to jq.
 *
 * <pre>{@code
 * context.out().println(CliJson.write(Map.of("ok", true)));  // {"ok":true}
 * }</pre>
 */
public final class CliJson {
  private static final JsonCodec CODEC = JacksonJsonCodecs.defaults();

  private CliJson() {}

  public static String write(Object value) {
    return CODEC.toJson(value);
  }

  public static Object parse(String text) {
    return CODEC.parse(text);
  }
}
