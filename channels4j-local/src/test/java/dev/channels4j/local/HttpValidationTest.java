package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpValidationTest {
  @RegisterExtension
  static final LocalServerExtension SERVER = LocalServerExtension.perClass();

  private static HttpResponse<String> trigger(LocalServer server, String body) {
    return new RawApi(server).post("/apps/app-id/events", body);
  }

  /** A trigger of one event whose data is the given JSON string content (escapes as written). */
  private static HttpResponse<String> triggerWithData(LocalServer server, String data) {
    return trigger(server, "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"" + data + "\"}");
  }

  @Test
  void dataOver10KbIs413(LocalServer server) {
    String data = String.join("", Collections.nCopies(10 * 1024 + 1, "x"));
    HttpResponse<String> response = triggerWithData(server, data);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(response.body()).isEqualTo(
        "Request Entity Too Large: the event data is 10241 bytes, the limit is 10240 bytes\n");
  }

  @Test
  void dataOfExactly10KbIsAccepted(LocalServer server) {
    String data = String.join("", Collections.nCopies(10 * 1024, "x"));
    HttpResponse<String> response = triggerWithData(server, data);
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void dataLimitCountsTheDecodedDataStringNotItsJsonEscaping(LocalServer server) {
    // 10240 quote characters: 20480 bytes once escaped in the body, 10240 bytes of data.
    String escaped = "\\\"".repeat(10 * 1024);
    HttpResponse<String> response = triggerWithData(server, escaped);
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void dataLimitCountsUtf8BytesNotCharacters(LocalServer server) {
    // 5121 two-byte characters: 5121 characters, 10242 bytes.
    String data = "\u00e9".repeat(5121);
    HttpResponse<String> response = triggerWithData(server, data);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("the event data is 10242 bytes, the limit is 10240 bytes");
  }

  @Test
  void batchItemDataOver10KbIs413AndPublishesNothing(LocalServer server) {
    server.app().clearAcceptedEvents();
    String data = "x".repeat(10 * 1024 + 1);
    HttpResponse<String> response = new RawApi(server).post("/apps/app-id/batch_events",
        "{\"batch\":[{\"name\":\"ok\",\"channel\":\"c\",\"data\":\"d\"},"
            + "{\"name\":\"big\",\"channel\":\"c\",\"data\":\"" + data + "\"}]}");
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEqualTo("Request Entity Too Large: batch[1].data is 10241 bytes, the limit is 10240 bytes\n");
    assertThat(server.acceptedEvents()).isEmpty();
  }

  @Test
  void batchOfMoreThan10Is400(LocalServer server) {
    String items = IntStream.range(0, 11).mapToObj(i -> "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"d\"}")
        .collect(Collectors.joining(","));
    HttpResponse<String> response = new RawApi(server).post("/apps/app-id/batch_events", "{\"batch\":[" + items + "]}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("Batch too large");
  }

  @Test
  void batchWithoutBatchArrayIs400(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).post("/apps/app-id/batch_events", "{\"foo\":1}");
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void invalidBatchItemPublishesNothing(LocalServer server) {
    server.app().clearAcceptedEvents();
    HttpResponse<String> response = new RawApi(server).post("/apps/app-id/batch_events",
        "{\"batch\":[{\"name\":\"ok\",\"channel\":\"c\",\"data\":\"d\"},{\"name\":\"bad\",\"channel\":\"c\"}]}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("batch[1].data is required");
    assertThat(server.acceptedEvents()).isEmpty();
  }

  /**
   * Trigger bodies the server refuses with 400, each named for the rule it breaks, with the part of
   * the plain-text answer that names the problem.
   */
  static Stream<Arguments> refusedTriggerBodies() {
    String hundredAndOneChannels = IntStream.range(0, 101).mapToObj(i -> "\"c" + i + "\"")
        .collect(Collectors.joining(","));
    return Stream.of(
        refused("more than 100 channels", "{\"name\":\"e\",\"channels\":[" + hundredAndOneChannels + "],\"data\":\"d\"}",
            "too many channels: 101"),
        refused("a channel name over 200 characters", "{\"name\":\"e\",\"channel\":\"" + "c".repeat(201) + "\",\"data\":\"d\"}",
            "Channel name too long: 201 characters"),
        refused("a channel name with an invalid character", "{\"name\":\"e\",\"channel\":\"bad name\",\"data\":\"d\"}",
            "Invalid channel name"),
        refused("an event name over 200 characters", "{\"name\":\"" + "e".repeat(201) + "\",\"channel\":\"c\",\"data\":\"d\"}",
            "name is too long: 201 characters"),
        refused("non-string data", "{\"name\":\"e\",\"channel\":\"c\",\"data\":{\"a\":1}}", "data must be a string"),
        refused("an encrypted channel with others", "{\"name\":\"e\",\"channels\":[\"private-encrypted-x\",\"c\"],\"data\":\"d\"}",
            "encrypted"),
        refused("a malformed socket id", "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"d\",\"socket_id\":\"abc\"}",
            "Invalid socket_id"),
        refused("a malformed JSON body", "{not json", "The body must be one JSON object"),
        refused("a missing channel", "{\"name\":\"e\",\"data\":\"d\"}", "channels is required"));
  }

  private static Arguments refused(String rule, String body, String problem) {
    return Arguments.of(Named.of(rule, body), problem);
  }

  @ParameterizedTest(name = "a trigger with {0} is 400")
  @MethodSource("refusedTriggerBodies")
  void triggerBreakingARuleIs400NamingTheProblem(String body, String problem, LocalServer server) {
    HttpResponse<String> response = trigger(server, body);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains(problem);
  }

  @Test
  void serverToUserChannelIsAcceptedOnTrigger(LocalServer server) {
    HttpResponse<String> response = trigger(server,
        "{\"name\":\"e\",\"channel\":\"#server-to-user-42\",\"data\":\"d\"}");
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void configuredLimitsReplacePushersDefaults() {
    try (LocalServer server = LocalServer.builder().port(0).limits(Limits.builder().maxDataBytes(4).build())
        .build().start()) {
      HttpResponse<String> response = trigger(server, "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"12345\"}");
      assertThat(response.statusCode()).isEqualTo(413);
    }
  }
}
