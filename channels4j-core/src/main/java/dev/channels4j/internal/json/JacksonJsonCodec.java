package dev.channels4j.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channels4j.spi.JsonCodec;

/** The default {@link JsonCodec}: Jackson 2 with its default settings, compact output. */
public final class JacksonJsonCodec implements JsonCodec {
  public static final JacksonJsonCodec DEFAULT =
      new JacksonJsonCodec(
          new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));

  private final ObjectMapper mapper;

  public JacksonJsonCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String toJson(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot serialize " + (value == null ? "null" : value.getClass().getName()) + " as JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }

  @Override
  public Object parse(String json) {
    try {
      return mapper.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "JacksonJsonCodec";
  }
}
