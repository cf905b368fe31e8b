package dev.channels4j;

import static dev.channels4j.TestClients.builderFor;
import static dev.channels4j.TestClients.fastRetries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.RequestEvent.Operation;
import dev.channels4j.RequestEvent.Outcome;
import dev.channels4j.testing.RecordingHttpServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What a request listener hears: each attempt of each operation, and nothing of refused input. */
class RequestListenerTest extends RecordedClientFixture {
  private final List<RequestEvent> heard = new CopyOnWriteArrayList<>();
  /** Each reading of the ticker advances it by 7 ms: a request takes 7 ms, whatever the machine does. */
  private final AtomicLong ticks = new AtomicLong();

  @Override
  ChannelsClient.Builder configure(ChannelsClient.Builder builder) {
    return builder.requestListener(heard::add).ticker(() -> ticks.getAndAdd(Duration.ofMillis(7).toNanos()));
  }

  @Test
  void eachOperationIsNamedDistinctly() {
    server.otherwise(Reply.json("{\"channels\":{},\"users\":[],\"occupied\":false}"));

    client.trigger("c", "e", "{}");
    client.triggerBatch(List.of(Event.of("c", "e", "{}")));
    client.sendToUser("u", "e", "{}");
    client.terminateUserConnections("u");
    client.channels();
    client.channel("c");
    client.users("presence-c");
    client.get("/channels", Map.of());
    client.post("/events", "{\"name\":\"e\",\"channels\":[\"c\"],\"data\":\"{}\"}");

    assertThat(heard).extracting(RequestEvent::operation).containsExactly(
        Operation.TRIGGER, Operation.TRIGGER_BATCH, Operation.SEND_TO_USER, Operation.TERMINATE_USER_CONNECTIONS,
        Operation.CHANNELS, Operation.CHANNEL, Operation.USERS, Operation.RAW_GET, Operation.RAW_POST);
  }

  @Test
  void aSuccessCarriesItsStatusAndTheDurationOnTheClientsTicker() {
    server.enqueue(Reply.json("{}"));

    client.trigger("c", "e", "{}");

    assertThat(heard).containsExactly(
        new RequestEvent(Operation.TRIGGER, Outcome.SUCCESS, OptionalInt.of(200), Duration.ofMillis(7), 1));
  }

  @Test
  void anErrorStatusIsAnApiErrorWithThatStatus() {
    server.enqueue(Reply.text(403, "Application disabled"));

    assertThatThrownBy(() -> client.trigger("c", "e", "{}")).isInstanceOf(ApiException.class);

    assertThat(heard).singleElement().satisfies(event -> {
      assertThat(event.outcome()).isEqualTo(Outcome.API_ERROR);
      assertThat(event.status()).hasValue(403);
    });
  }

  @Test
  void noAnswerIsATransportErrorWithoutStatus() {
    server.enqueue(Reply.hangUp());

    assertThatThrownBy(() -> client.trigger("c", "e", "{}")).isInstanceOf(TransportException.class);

    assertThat(heard).singleElement().satisfies(event -> {
      assertThat(event.outcome()).isEqualTo(Outcome.TRANSPORT_ERROR);
      assertThat(event.status()).isEmpty();
    });
  }

  @Test
  void eachRetryIsAnAttemptOfItsOwn() {
    try (ChannelsClient retrying = builderFor(server).retryPolicy(fastRetries(3)).requestListener(heard::add).build()) {
      server.enqueue(Reply.status(503), Reply.status(503), Reply.json("{}"));

      retrying.trigger("c", "e", "{}");
    }

    assertThat(heard).extracting(RequestEvent::attempt).containsExactly(1, 2, 3);
    assertThat(heard).extracting(RequestEvent::outcome)
        .containsExactly(Outcome.API_ERROR, Outcome.API_ERROR, Outcome.SUCCESS);
  }

  @Test
  void asyncCallsAreHeardToo() {
    server.enqueue(Reply.json("{}"));

    client.async().trigger("c", "e", "{}").join();

    assertThat(heard).extracting(RequestEvent::operation, RequestEvent::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Operation.TRIGGER, Outcome.SUCCESS));
  }

  @Test
  void thePublishersBatchesAreHeardAsTriggerBatch() {
    server.otherwise(Reply.json("{}"));

    try (Publisher publisher = client.publisher()) {
      publisher.publish(Event.of("c", "e", "{}")).join();
    }

    assertThat(heard).extracting(RequestEvent::operation).containsOnly(Operation.TRIGGER_BATCH);
  }

  @Test
  void refusedInputIsNeverHeard() {
    assertThatThrownBy(() -> client.trigger("bad channel!", "e", "{}")).isInstanceOf(ValidationException.class);

    assertThat(heard).isEmpty();
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheRequest() {
    Consumer<RequestEvent> failing = event -> {
      throw new IllegalStateException("listener bug");
    };
    try (ChannelsClient withBrokenListener = builderFor(server).requestListener(failing::accept).build()) {
      server.enqueue(Reply.json("{}"), Reply.json("{}"));

      assertThat(withBrokenListener.trigger("c", "e", "{}")).isNotNull();
      assertThat(withBrokenListener.async().trigger("c", "e", "{}").join()).isNotNull();
    }
  }

  @Test
  void aNullListenerIsRefusedNamingTheSetting() {
    ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        ValidationException.class, () -> ChannelsClient.builder().requestListener(null));

    assertThat(e.setting()).hasValue("requestListener");
  }
}
