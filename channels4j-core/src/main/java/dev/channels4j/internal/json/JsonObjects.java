package dev.channels4j.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes flat JSON objects of string fields (the authorization answers) with Jackson's streaming
 * generator: they are ours, not the application's, so they need no pluggable codec.
 */
public final class JsonObjects {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonObjects() {}

  /**
   * {@code {"name":"value",..}} from alternating names and values; a {@code null} value leaves its
   * field out.
   */
  public static String ofStrings(String... namesAndValues) {
    StringWriter text = new StringWriter(128);
    try (JsonGenerator generator = JSON.createGenerator(text)) {
      generator.writeStartObject();
      for (int i = 0; i < namesAndValues.length; i += 2) {
        if (namesAndValues[i + 1] != null) {
          generator.writeStringField(namesAndValues[i], namesAndValues[i + 1]);
        }
      }
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write JSON", e);
    }
    return text.toString();
  }
}
