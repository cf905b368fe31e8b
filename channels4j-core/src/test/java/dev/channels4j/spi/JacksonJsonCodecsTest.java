package dev.channels4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import dev.channels4j.testing.CapturingTransport;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Jackson codecs, over the default mapper and over a user's own. */
class JacksonJsonCodecsTest {
  private static final Instant AT = Instant.parse("2026-11-30T13:00:00Z");

  @Test
  void defaultCodecCannotWriteAnInstantAndTheTriggerSaysSo() {
    CapturingTransport transport = new CapturingTransport();
    try (ChannelsClient client = client(JacksonJsonCodecs.defaults(), transport)) {
      assertThatThrownBy(() -> client.trigger("c", "e", Map.of("at", AT)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("cannot be serialized as JSON");
    }
    assertThat(transport.requests()).isEmpty();
  }

  @Test
  void codecOverAMapperWithJavaTimeModuleWritesAnInstantInEventData() {
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    CapturingTransport transport = new CapturingTransport();
    try (ChannelsClient client = client(JacksonJsonCodecs.of(mapper), transport)) {
      client.trigger("c", "e", Map.of("at", AT));
    }

    assertThat(new String(transport.onlyRequest().body(), StandardCharsets.UTF_8))
        .contains("\"data\":\"{\\\"at\\\":\\\"2026-11-30T13:00:00Z\\\"}\"");
  }

  @Test
  void outputIsCompactEvenWhenTheMapperIndents() {
    JsonCodec codec = JacksonJsonCodecs.of(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));

    assertThat(codec.toJson(Map.of("a", 1))).isEqualTo("{\"a\":1}");
  }

  @Test
  void trailingContentIsRefusedWhateverTheMapperSays() {
    JsonCodec codec = JacksonJsonCodecs.of(new ObjectMapper());

    assertThatThrownBy(() -> codec.parse("{} trailing")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theUsersMapperIsNotChanged() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JacksonJsonCodecs.of(mapper).toJson(Map.of());

    assertThat(mapper.isEnabled(SerializationFeature.INDENT_OUTPUT)).isTrue();
  }

  @Test
  void parsesIntoPlainValuesKeepingKeyOrder() {
    Object parsed = JacksonJsonCodecs.defaults().parse("{\"z\":1,\"a\":[true,null,\"s\"]}");

    assertThat(parsed).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) parsed).keySet().toString()).isEqualTo("[z, a]");
  }

  @Test
  void nullMapperIsRefusedNamingIt() {
    assertThatThrownBy(() -> JacksonJsonCodecs.of(null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("mapper must not be null");
  }

  @Test
  void theSpiInterfaceDeclaresOnlyItsTwoOperations() {
    assertThat(Arrays.stream(JsonCodec.class.getDeclaredMethods()).map(Method::getName))
        .containsExactlyInAnyOrder("toJson", "parse");
  }

  private static ChannelsClient client(JsonCodec codec, CapturingTransport transport) {
    return ChannelsClient.builder().appId("1").key("k").secret("s").host("127.0.0.1").useTls(false)
        .jsonCodec(codec).transport(transport).build();
  }
}
