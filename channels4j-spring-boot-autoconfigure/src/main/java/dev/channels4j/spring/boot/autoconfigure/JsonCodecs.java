package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.spi.JsonCodec;

/**
 * JSON codecs over the application's own mapper, so that event data serializes exactly like the
 * application's REST answers (its modules, {@code java.time} settings, naming strategy). The output
 * is always compact, whatever the mapper's indentation setting, because it may be signed as it is.
 */
final class JsonCodecs {
  private JsonCodecs() {}

  /** Over a Jackson 3 mapper (Spring Boot 4's default). */
  static JsonCodec jackson3(tools.jackson.databind.ObjectMapper mapper) {
    tools.jackson.databind.ObjectWriter writer =
        mapper.writer().without(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    tools.jackson.databind.ObjectReader reader = mapper.readerFor(Object.class);
    return new JsonCodec() {
      @Override
      public String toJson(Object value) {
        try {
          return writer.writeValueAsString(value);
        } catch (tools.jackson.core.JacksonException e) {
          throw new IllegalArgumentException("cannot write " + typeOf(value) + " as JSON: " + e.getOriginalMessage(), e);
        }
      }

      @Override
      public Object parse(String json) {
        try {
          return reader.readValue(json);
        } catch (tools.jackson.core.JacksonException e) {
          throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
      }

      @Override
      public String toString() {
        return "JsonCodec[application's Jackson 3 mapper]";
      }
    };
  }

  /** Over a Jackson 2 mapper (Spring Boot 3's default). */
  static JsonCodec jackson2(com.fasterxml.jackson.databind.ObjectMapper mapper) {
    com.fasterxml.jackson.databind.ObjectWriter writer =
        mapper.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    com.fasterxml.jackson.databind.ObjectReader reader = mapper.readerFor(Object.class);
    return new JsonCodec() {
      @Override
      public String toJson(Object value) {
        try {
          return writer.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalArgumentException("cannot write " + typeOf(value) + " as JSON: " + e.getOriginalMessage(), e);
        }
      }

      @Override
      public Object parse(String json) {
        try {
          return reader.readValue(json);
        } catch (java.io.IOException e) {
          throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
      }

      @Override
      public String toString() {
        return "JsonCodec[application's Jackson 2 mapper]";
      }
    };
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
