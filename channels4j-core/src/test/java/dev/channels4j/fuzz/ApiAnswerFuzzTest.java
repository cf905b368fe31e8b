package dev.channels4j.fuzz;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

  @Property
  void everyOperationReadsAnyAnswerOrFailsWithAChannelsException(@ForAll("answers") TransportResponse answer) {
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

  @Provide
  Arbitrary<TransportResponse> answers() {
    Arbitrary<Integer> status = Arbitraries.oneOf(Arbitraries.of(200, 201, 204, 400, 401, 403, 404, 413, 429, 500, 503),
        Arbitraries.integers().between(100, 599));
    Arbitrary<Map<String, List<String>>> headers = Arbitraries.maps(
        Arbitraries.of("Retry-After", "retry-after", "Content-Type", "X-Other"),
        Arbitraries.oneOf(Arbitraries.of("0", "-1", "5", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT",
            "Mon, 31 Dec 2999 23:59:59 GMT", "", " 3 ", "1.5"), Arbitraries.strings().ofMaxLength(30)).list().ofMinSize(1).ofMaxSize(2))
        .ofMaxSize(2);
    Arbitrary<String> shaped = Arbitraries.oneOf(
        JsonValues.value(3),
        Combinators.combine(JsonValues.value(2), JsonValues.value(2)).as((a, b) -> "{\"error\":" + a + ",\"code\":" + b + "}"),
        JsonValues.value(2).map(v -> "{\"channels\":{\"orders\":" + v + ",\"presence-room\":{\"user_count\":" + v + "}}}"),
        JsonValues.value(2).map(v -> "{\"batch\":[" + v + "," + v + "]}"),
        JsonValues.value(2).map(v -> "{\"users\":[{\"id\":" + v + "}," + v + "]}"),
        JsonValues.value(2).map(v -> "{\"occupied\":" + v + ",\"user_count\":" + v + ",\"cache\":{\"data\":" + v + ",\"ttl\":" + v + "}}"),
        Arbitraries.of("", "{}", "[]", "<html>502</html>", "null", "{\"ok\":true}"));
    Arbitrary<byte[]> body = Arbitraries.oneOf(
        JsonValues.damaged(shaped).map(s -> s.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(64));
    return Combinators.combine(status, headers, body).as(TransportResponse::new);
  }
}
