package dev.channels4j.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ApiException;
import dev.channels4j.RequestEvent.Operation;
import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Verdicts}: an answer judged, with no network and a fixed clock. */
class VerdictsTest {
  private static final ApiRequest TRIGGER = ApiRequest.post(Operation.TRIGGER, "/apps/1/events", new byte[0]);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static Outcome judge(int status, String body, Map<String, List<String>> headers) {
    return Verdicts.judge(TRIGGER, new TransportResponse(status, headers, body.getBytes(StandardCharsets.UTF_8)),
        JacksonJsonCodecs.defaults(), CLOCK);
  }

  @Test
  void a2xxIsASuccessCarryingTheParsedBody() {
    Outcome outcome = judge(200, "{\"a\":1}", Map.of());

    assertThat(outcome.error()).isNull();
    assertThat(outcome.response().json()).isEqualTo(Map.of("a", 1));
    assertThat(outcome.status()).isEqualTo(200);
  }

  @Test
  void a2xxThatIsNotJsonIsStillASuccessWithoutJson() {
    assertThat(judge(200, "<html>", Map.of()).response().json()).isNull();
  }

  @Test
  void a2xxWithAnErrorBodyIsAnApiExceptionOfItsCode() {
    Outcome outcome = judge(200, "{\"error\":\"not authenticated\",\"code\":401}", Map.of());

    assertThat(outcome.error()).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThat(outcome.status()).isEqualTo(200);
  }

  @Test
  void anErrorStatusIsAnApiExceptionWithTheBody() {
    Outcome outcome = judge(503, "busy", Map.of());

    assertThat(outcome.error()).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(503);
      assertThat(e.body()).isEqualTo("busy");
      assertThat(e.retryAfter()).isEmpty();
    });
  }

  @Test
  void retryAfterInSecondsIsRead() {
    Outcome outcome = judge(429, "", Map.of("Retry-After", List.of("7")));

    assertThat(((ApiException) outcome.error()).retryAfter()).hasValue(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAsADateIsReadAgainstTheGivenClock() {
    Outcome outcome = judge(503, "", Map.of("Retry-After", List.of("Thu, 01 Jan 2026 00:01:30 GMT")));

    assertThat(((ApiException) outcome.error()).retryAfter()).hasValue(Duration.ofSeconds(90));
  }

  @Test
  void retryAfterInThePastIsNoWait() {
    Outcome outcome = judge(503, "", Map.of("Retry-After", List.of("Wed, 31 Dec 2025 23:00:00 GMT")));

    assertThat(((ApiException) outcome.error()).retryAfter()).hasValue(Duration.ZERO);
  }
}
