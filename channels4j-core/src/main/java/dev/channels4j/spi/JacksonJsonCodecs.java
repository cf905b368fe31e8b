package dev.channels4j.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.channels4j.internal.Errors;

/**
 * {@link JsonCodec}s backed by Jackson 2: the default one, and one over your own
 * {@link ObjectMapper} so event data is written with the modules and settings of the rest of your
 * application (a {@code java.time.Instant} in event data needs {@code JavaTimeModule}).
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
 *     .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
 * ChannelsClient client = ChannelsClient.builder()
 *     .appId("123").key("key").secret("secret").cluster("eu")
 *     .jsonCodec(JacksonJsonCodecs.of(mapper))
 *     .build();
 * client.trigger("orders", "created", Map.of("at", Instant.now()));  // {"at":"2026-11-30T13:00:00Z"}
 * }</pre>
 *
 * <p>The mapper is used, not changed: the codec writes without indentation whatever the mapper's
 * {@code INDENT_OUTPUT}, and refuses trailing content after a JSON value whatever its
 * {@code FAIL_ON_TRAILING_TOKENS}, through readers and writers derived from it. Jackson 3
 * ({@code tools.jackson}) or Gson users implement {@link JsonCodec} in a few lines instead.
 */
public final class JacksonJsonCodecs {
  private static final JsonCodec DEFAULT = new Codec(new ObjectMapper());

  private JacksonJsonCodecs() {}

  /** The default codec: a plain {@code ObjectMapper} with Jackson's default settings. */
  public static JsonCodec defaults() {
    return DEFAULT;
  }

  /**
   * A codec over {@code mapper}, which must not be reconfigured afterwards (Jackson's own rule for
   * a mapper in use).
   *
   * @throws dev.channels4j.ValidationException when {@code mapper} is null
   */
  public static JsonCodec of(ObjectMapper mapper) {
    if (mapper == null) {
      throw Errors.validation("mapper must not be null; use JacksonJsonCodecs.defaults()");
    }
    return new Codec(mapper);
  }

  private static final class Codec implements JsonCodec {
    private final ObjectWriter writer;
    private final ObjectReader reader;

    Codec(ObjectMapper mapper) {
      this.writer = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);
      this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).forType(Object.class);
    }

    @Override
    public String toJson(Object value) {
      try {
        return writer.writeValueAsString(value);
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
        return reader.readValue(json);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
      }
    }

    @Override
    public String toString() {
      return "JacksonJsonCodec";
    }
  }
}
