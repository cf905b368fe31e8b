package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.channels4j.testing.RecordingHttpServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** How error answers become exceptions, and that invalid input never reaches the server. */
class ClientErrorsTest extends RecordedClientFixture {
  private static final String NOT_PRESENCE =
      "Cannot retrieve the user count unless the channel is a presence channel";

  @Test
  void badRequestWithPlainTextBodyIsANonRetryableApiException() {
    server.enqueue(Reply.text(400, NOT_PRESENCE));

    ApiException e = catchThrowableOfType(ApiException.class,
        () -> client.channel("this_is_not_a_presence_channel", Info.USER_COUNT, Info.SUBSCRIPTION_COUNT));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.body()).isEqualTo(NOT_PRESENCE);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("400").contains(NOT_PRESENCE);
  }

  @Test
  void forbiddenIsNotRetryable() {
    server.enqueue(Reply.text(403, "Application disabled"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> client.trigger("c", "e", "d"));

    assertThat(e.status()).isEqualTo(403);
    assertThat(e.body()).isEqualTo("Application disabled");
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void serverErrorIsARetryableApiException() {
    server.enqueue(Reply.text(500, "Internal Server Error"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> client.trigger("c", "e", "d"));

    assertThat(e.status()).isEqualTo(500);
    assertThat(e.body()).isEqualTo("Internal Server Error");
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void soketiErrorBodyWithHttp200IsAnApiExceptionWithItsCode() {
    server.enqueue(Reply.json("{\"error\":\"The request was not authenticated\",\"code\":401}"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> client.trigger("c", "e", "d"));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.body()).contains("The request was not authenticated");
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("401").contains("The request was not authenticated");
  }

  @Test
  void tooManyRequestsCarriesRetryAfter() {
    server.enqueue(Reply.text(429, "slow down").withHeader("Retry-After", "7"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> client.trigger("c", "e", "d"));

    assertThat(e.status()).isEqualTo(429);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAsAnHttpDateIsReadAsADurationOnTheClientsClock() {
    // The client's clock is fixed (TestClients.FIXED_CLOCK): the date is a minute after its "now".
    String inAMinute = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
        .format(java.time.ZonedDateTime.now(TestClients.FIXED_CLOCK).plusSeconds(60));
    server.enqueue(Reply.text(503, "maintenance").withHeader("Retry-After", inAMinute));

    ApiException e = catchThrowableOfType(ApiException.class, () -> client.trigger("c", "e", "d"));

    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(60));
  }

  @Test
  void redirectIsNotFollowed() {
    server.enqueue(Reply.status(301).withHeader("Location", "http://127.0.0.1:" + server.port() + "/elsewhere"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> client.trigger("c", "e", "d"));

    assertThat(e.status()).isEqualTo(301);
    assertThat(e.isRetryable()).isFalse();
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void errorWithoutRetryAfterHasNone() {
    server.enqueue(Reply.text(503, "busy"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> client.trigger("c", "e", "d"));

    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void errorMessagesNeverCarryTheSecretOrSignature() {
    server.enqueue(Reply.text(401, "Invalid signature"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> client.trigger("c", "e", "d"));

    String signature = server.onlyRequest().query().get("auth_signature");
    assertThat(e.getMessage()).doesNotContain(TestClients.SECRET).doesNotContain(signature);
  }

  // ---- validation: nothing is sent --------------------------------------------------------

  private void assertRejectedBeforeSending(Executable call, String messagePart) {
    assertThatThrownBy(call::execute).isInstanceOf(ValidationException.class).hasMessageContaining(messagePart);
    assertThat(server.requestCount()).as("requests the server received").isZero();
  }

  @Test
  void moreThanOneHundredChannelsIsRejectedBeforeSending() {
    List<String> channels = new ArrayList<>();
    for (int i = 1; i <= 101; i++) {
      channels.add(Integer.toString(i));
    }
    assertRejectedBeforeSending(() -> client.trigger(channels, "e", "d"), "100");
  }

  @Test
  void invalidChannelNameIsRejectedBeforeSending() {
    assertRejectedBeforeSending(() -> client.trigger("w000^$$£@@@", "e", "d"), "w000^$$£@@@");
  }

  @Test
  void invalidSocketIdIsRejectedBeforeSending() {
    assertRejectedBeforeSending(
        () -> client.trigger(Event.of("c", "e", "d").excluding("1234.12:lalala")), "1234.12:lalala");
  }

  @Test
  void encryptedChannelAmongOthersIsRejectedBeforeSending() {
    try (ChannelsClient encrypting =
        TestClients.builderFor(server).encryptionMasterKeyBase64(TestClients.MASTER_KEY_BASE64).build()) {
      assertRejectedBeforeSending(
          () -> encrypting.trigger(List.of("test_channel", "private-encrypted-other_channel"), "e", "d"),
          "encrypted");
    }
  }

  @Test
  void encryptedChannelWithoutMasterKeyIsRejectedBeforeSending() {
    assertRejectedBeforeSending(
        () -> client.triggerBatch(List.of(Event.of("c", "e", "d"), Event.of("private-encrypted-c", "e", "d"))),
        "master key");
  }

  @Test
  void oversizedDataIsRejectedBeforeSending() {
    assertRejectedBeforeSending(() -> client.trigger("c", "e", "a".repeat(10 * 1024 + 1)), "10241");
  }

  @Test
  void oversizedBatchIsRejectedBeforeSending() {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      events.add(Event.of("c", "e", "d"));
    }
    assertRejectedBeforeSending(() -> client.triggerBatch(events), "at most 10");
  }

  @Test
  void emptyUserIdIsRejectedBeforeSending() {
    assertRejectedBeforeSending(() -> client.sendToUser("", "e", "d"), "user");
    assertRejectedBeforeSending(() -> client.terminateUserConnections(""), "user");
  }

  @Test
  void usersOfANonPresenceChannelIsRejectedBeforeSending() {
    assertRejectedBeforeSending(() -> client.users("private-room"), "presence");
  }
}
