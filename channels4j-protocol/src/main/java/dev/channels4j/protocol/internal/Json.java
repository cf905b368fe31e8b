package dev.channels4j.protocol.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The protocol client's JSON: frames are small maps, parsed into plain {@code Map}/{@code List}
 * values so callers need no Jackson types.
 *
 * <pre>{@code
 * String frame = Json.write(Map.of("event", "pusher:ping", "data", Map.of()));
 * }</pre>
 */
public final class Json {
  /** Shared and thread-safe once configured; never reconfigured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Serializes a value; our own maps, lists and strings always serialize. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName() + ": "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses JSON text into maps, lists, strings, numbers and booleans.
   *
   * @throws IllegalArgumentException when the text is not JSON
   */
  public static Object parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("not JSON: null");
    }
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses a JSON object, or returns null when the text is not one. */
  public static java.util.Map<?, ?> objectOrNull(String text) {
    try {
      return parse(text) instanceof java.util.Map<?, ?> map ? map : null;
    } catch (IllegalArgumentException notJson) {
      return null;
    }
  }
}
