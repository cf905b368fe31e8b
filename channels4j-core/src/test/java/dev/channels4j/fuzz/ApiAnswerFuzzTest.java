package dev.channels4j.fuzz;

import dev.channels4j.testsupport.Fuzz;
import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ApiException;
import dev.channels4j.ChannelsClient;
import dev.channels4j.ChannelsException;
import dev.channels4j.ChannelsQuery;
import dev.channels4j.Event;
import dev.channels4j.RetryPolicy;
import dev.channels4j.Info;
import dev.channels4j.spi.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The API's answers are outside input: whatever status, headers and body come back, every
 * operation returns its result or throws a {@link ChannelsException} (an {@link ApiException} for
 * an answer it cannot use), blocking and async alike; never a parser's or a cast's exception.
 */
class ApiAnswerFuzzTest {
  private static final List<Function<ChannelsClient, Object>> BLOCKING = List.of(
      c -> c.trigger("orders", "created", "{}"),
      c -> c.trigger(Event.of(List.of("orders", "presence-room"), "created", "{}").withInfo(Info.USER_COUNT, Info.SUBSCRIPTION_COUNT)),
      c -> c.triggerBatch(List.of(Event.of("orders", "created", "{}").withInfo(Info.SUBSCRIPTION_COUNT), Event.of("b", "e", "{}"))),
      c -> c.channels(ChannelsQuery.prefix("presence-").withUserCount()),
      c -> c.channel("presence-room", Info.USER_COUNT, Info.SUBSCRIPTION_COUNT),
      c -> c.users("presence-room"));
  private static final List<Function<ChannelsClient, CompletableFuture<?>>> ASYNC = List.of(
      c -> c.async().trigger(Event.of("orders", "created", "{}").withInfo(Info.SUBSCRIPTION_COUNT)),
      c -> c.async().triggerBatch(List.of(Event.of("orders", "created", "{}").withInfo(Info.USER_COUNT))),
      c -> c.async().channels(ChannelsQuery.all()),
      c -> c.async().channel("orders", Info.SUBSCRIPTION_COUNT),
      c -> c.async().users("presence-room"));

  @Test
  void everyOperationReadsAnyAnswerOrFailsWithAChannelsException() {
    Fuzz.forAll("everyOperationReadsAnyAnswer", ApiAnswerFuzzTest::answer, ApiAnswerFuzzTest::readOrRefuse);
  }

  private static void readOrRefuse(Answer generated) {
    TransportResponse answer = generated.response();
    try (ChannelsClient client = ChannelsClient.builder()
        .appId("1").key("k").secret("s").host("127.0.0.1").useTls(false)
        .retryPolicy(RetryPolicy.none())
        .transport(request -> CompletableFuture.completedFuture(answer))
        .build()) {
      for (Function<ChannelsClient, Object> op : BLOCKING) {
        try {
          op.apply(client);
        } catch (ChannelsException expected) {
          assertThat(expected.getMessage()).isNotBlank();
        }
      }
      for (Function<ChannelsClient, CompletableFuture<?>> op : ASYNC) {
        try {
          op.apply(client).join();
        } catch (CompletionException e) {
          assertThat(e.getCause()).isInstanceOf(ChannelsException.class);
        }
      }
    }
  }

  /** A generated answer, named in full when its case fails. */
  private record Answer(TransportResponse response) {
    @Override
    public String toString() {
      return "status=" + response.status() + " headers=" + response.headers()
          + " body=" + new String(response.body(), StandardCharsets.UTF_8) + " bytes=" + Arrays.toString(response.body());
    }
  }

  private static Answer answer(Fuzz.Gen g) {
    int status = g.oneOf(() -> g.of(200, 201, 204, 400, 401, 403, 404, 413, 429, 500, 503), () -> g.between(100, 599));
    Map<String, List<String>> headers = g.map(2,
        () -> g.of("Retry-After", "retry-after", "Content-Type", "X-Other"),
        () -> {
          List<String> values = g.list(2, () -> g.oneOf(
              () -> g.of("0", "-1", "5", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT",
                  "Mon, 31 Dec 2999 23:59:59 GMT", "", " 3 ", "1.5"),
              () -> g.string(30)));
          // At least one value per header, as before.
          return values.isEmpty() ? List.of(g.string(30)) : values;
        });
    byte[] body = g.oneOf(
        () -> g.damaged(() -> shaped(g)).getBytes(StandardCharsets.UTF_8),
        () -> g.bytes(64));
    return new Answer(new TransportResponse(status, headers, body));
  }

  private static String shaped(Fuzz.Gen g) {
    return g.oneOf(
        () -> JsonValues.value(g, 3),
        () -> "{\"error\":" + JsonValues.value(g, 2) + ",\"code\":" + JsonValues.value(g, 2) + "}",
        () -> {
          String v = JsonValues.value(g, 2);
          return "{\"channels\":{\"orders\":" + v + ",\"presence-room\":{\"user_count\":" + v + "}}}";
        },
        () -> {
          String v = JsonValues.value(g, 2);
          return "{\"batch\":[" + v + "," + v + "]}";
        },
        () -> {
          String v = JsonValues.value(g, 2);
          return "{\"users\":[{\"id\":" + v + "}," + v + "]}";
        },
        () -> {
          String v = JsonValues.value(g, 2);
          return "{\"occupied\":" + v + ",\"user_count\":" + v + ",\"cache\":{\"data\":" + v + ",\"ttl\":" + v + "}}";
        },
        () -> g.of("", "{}", "[]", "<html>502</html>", "null", "{\"ok\":true}"));
  }
}
