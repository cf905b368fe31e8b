package dev.channels4j.internal.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the bodies of {@code POST /events} and {@code POST /batch_events}. These envelopes are
 * ours, not the application's, so they are streamed with Jackson's generator rather than going
 * through the pluggable codec: on the publishing hot path, building maps for a data-binding codec
 * cost more than signing the request. The application's data was already encoded by the codec.
 */
final class EventBodies {
  private static final JsonFactory JSON = new JsonFactory();

  private EventBodies() {}

  /** {@code {"name":..,"channels":[..],"data":..[,"socket_id":..][,"info":..]}}. */
  static byte[] events(List<String> channels, String event, String data, String socketId, String info) {
    return write(generator -> {
      generator.writeStartObject();
      generator.writeStringField("name", event);
      generator.writeArrayFieldStart("channels");
      for (String channel : channels) {
        generator.writeString(channel);
      }
      generator.writeEndArray();
      generator.writeStringField("data", data);
      writeOptional(generator, socketId, info);
      generator.writeEndObject();
    }, 96 + data.length());
  }

  /** {@code {"batch":[{"channel":..,"name":..,"data":..[,"socket_id":..][,"info":..]},..]}}. */
  static byte[] batch(List<PreparedEvent> events) {
    int size = 16;
    for (PreparedEvent event : events) {
      size += 64 + event.data().length();
    }
    return write(generator -> {
      generator.writeStartObject();
      generator.writeArrayFieldStart("batch");
      for (PreparedEvent event : events) {
        generator.writeStartObject();
        generator.writeStringField("channel", event.channel());
        generator.writeStringField("name", event.name());
        generator.writeStringField("data", event.data());
        writeOptional(generator, event.socketId(), event.info());
        generator.writeEndObject();
      }
      generator.writeEndArray();
      generator.writeEndObject();
    }, size);
  }

  private static void writeOptional(JsonGenerator generator, String socketId, String info) throws IOException {
    if (socketId != null) {
      generator.writeStringField("socket_id", socketId);
    }
    if (info != null) {
      generator.writeStringField("info", info);
    }
  }

  private interface Body {
    void writeTo(JsonGenerator generator) throws IOException;
  }

  /**
   * Through text, then UTF-8. Every string written here was checked to be well-formed Unicode
   * first (names, user ids and data alike, see {@link dev.channels4j.internal.validation.Validation#wellFormed}),
   * so the encoding replaces nothing with {@code ?}.
   */
  private static byte[] write(Body body, int expectedChars) {
    StringWriter text = new StringWriter(expectedChars);
    try (JsonGenerator generator = JSON.createGenerator(text)) {
      body.writeTo(generator);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write a request body", e);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
