package dev.channels4j.spi;

/**
 * Turns values into JSON text and JSON text into plain Java values. Plug in your own to make
 * channels4j serialize event data with the same settings as the rest of your application.
 *
 * <p>The default is {@link JacksonJsonCodecs#defaults()}, backed by Jackson 2; for Jackson 2 with
 * your own {@code ObjectMapper} use {@link JacksonJsonCodecs#of}. An implementation must be
 * thread-safe.
 *
 * <pre>{@code
 * ChannelsClient client = ChannelsClient.builder()
 *     .appId("123").key("key").secret("secret").cluster("eu")
 *     .jsonCodec(new MyGsonCodec(gson))
 *     .build();
 * }</pre>
 */
public interface JsonCodec {

  /**
   * Serializes a value: maps, lists, strings, numbers, booleans, {@code null}, and your own objects.
   * The output must be compact (no insignificant white space) because it may be signed as it is.
   *
   * @throws IllegalArgumentException when the value cannot be represented as JSON
   */
  String toJson(Object value);

  /**
   * Parses JSON text into plain values: {@code Map<String, Object>} (keeping key order),
   * {@code List<Object>}, {@code String}, a {@code Number}, {@code Boolean} or {@code null}.
   *
   * @throws IllegalArgumentException when the text is not JSON
   */
  Object parse(String json);
}
