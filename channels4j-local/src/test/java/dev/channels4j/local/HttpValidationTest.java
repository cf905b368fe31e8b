package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpValidationTest {
  @RegisterExtension
  static final LocalServerExtension SERVER = LocalServerExtension.perClass();

  private static HttpResponse<String> trigger(LocalServer server, String body) {
    return new RawApi(server).post("/apps/app-id/events", body);
  }

  @Test
  void dataOver10KbIs413(LocalServer server) {
    String data = String.join("", Collections.nCopies(10 * 1024 + 1, "x"));
    HttpResponse<String> response = trigger(server, "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"" + data + "\"}");
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(response.body()).isEqualTo(
        "Request Entity Too Large: the event data is 10241 bytes, the limit is 10240 bytes\n");
  }

  @Test
  void dataOfExactly10KbIsAccepted(LocalServer server) {
    String data = String.join("", Collections.nCopies(10 * 1024, "x"));
    HttpResponse<String> response = trigger(server, "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"" + data + "\"}");
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void dataLimitCountsTheDecodedDataStringNotItsJsonEscaping(LocalServer server) {
    // 10240 quote characters: 20480 bytes once escaped in the body, 10240 bytes of data.
    String escaped = "\\\"".repeat(10 * 1024);
    HttpResponse<String> response = trigger(server, "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"" + escaped + "\"}");
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void dataLimitCountsUtf8BytesNotCharacters(LocalServer server) {
    // 5121 two-byte characters: 5121 characters, 10242 bytes.
    String data = "\u00e9".repeat(5121);
    HttpResponse<String> response = trigger(server, "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"" + data + "\"}");
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
  void moreThan100ChannelsIs400(LocalServer server) {
    String channels = IntStream.range(0, 101).mapToObj(i -> "\"c" + i + "\"").collect(Collectors.joining(","));
    HttpResponse<String> response = trigger(server, "{\"name\":\"e\",\"channels\":[" + channels + "],\"data\":\"d\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("too many channels: 101");
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

  @Test
  void channelNameOver200CharactersIs400(LocalServer server) {
    String name = "c".repeat(201);
    HttpResponse<String> response = trigger(server, "{\"name\":\"e\",\"channel\":\"" + name + "\",\"data\":\"d\"}");
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void channelNameWithInvalidCharacterIs400(LocalServer server) {
    HttpResponse<String> response = trigger(server, "{\"name\":\"e\",\"channel\":\"bad name\",\"data\":\"d\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("Invalid channel name");
  }

  @Test
  void eventNameOver200CharactersIs400(LocalServer server) {
    HttpResponse<String> response = trigger(server,
        "{\"name\":\"" + "e".repeat(201) + "\",\"channel\":\"c\",\"data\":\"d\"}");
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void nonStringDataIs400(LocalServer server) {
    HttpResponse<String> response = trigger(server, "{\"name\":\"e\",\"channel\":\"c\",\"data\":{\"a\":1}}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("data must be a string");
  }

  @Test
  void encryptedChannelWithOthersIs400(LocalServer server) {
    HttpResponse<String> response = trigger(server,
        "{\"name\":\"e\",\"channels\":[\"private-encrypted-x\",\"c\"],\"data\":\"d\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("encrypted");
  }

  @Test
  void malformedSocketIdIs400(LocalServer server) {
    HttpResponse<String> response = trigger(server,
        "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"d\",\"socket_id\":\"abc\"}");
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void malformedJsonBodyIs400(LocalServer server) {
    HttpResponse<String> response = trigger(server, "{not json");
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void missingChannelIs400(LocalServer server) {
    HttpResponse<String> response = trigger(server, "{\"name\":\"e\",\"data\":\"d\"}");
    assertThat(response.statusCode()).isEqualTo(400);
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
