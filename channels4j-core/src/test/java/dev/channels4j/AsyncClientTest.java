package dev.channels4j;

import static dev.channels4j.TestClients.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.channels4j.testing.RecordingHttpServer.Reply;
import dev.channels4j.testing.RecordingHttpServer;
import dev.channels4j.testsupport.Await;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** {@link AsyncChannelsClient}: futures that complete with the same results and fail with the same exceptions. */
class AsyncClientTest {
  @AutoClose
  private final RecordingHttpServer server = RecordingHttpServer.start();
  @AutoClose
  private final ChannelsClient client = clientFor(server);
  private final AsyncChannelsClient async = client.async();

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  /** The cause a failed future carries. */
  private static Throwable failureOf(CompletableFuture<?> future) {
    Throwable thrown = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    return thrown.getCause();
  }

  @Test
  void triggerCompletesWithItsResult() throws Exception {
    server.enqueue(Reply.json("{\"channels\":{\"presence-a\":{\"user_count\":4}}}"));

    TriggerResult result = await(async.trigger(Event.of("presence-a", "e", "d").withInfo(Info.USER_COUNT)));

    assertThat(result.channel("presence-a").orElseThrow().userCount()).isEqualTo(OptionalInt.of(4));
    assertThat(server.onlyRequest().rawPath()).isEqualTo("/apps/3/events");
  }

  @Test
  void triggerOnSeveralChannelsCompletes() throws Exception {
    await(async.trigger(List.of("a", "b"), "e", "d"));

    assertThat(server.onlyRequest().bodyText()).contains("\"channels\":[\"a\",\"b\"]");
  }

  @Test
  void batchCompletesWithItsResult() throws Exception {
    server.enqueue(Reply.json("{\"batch\":[{\"subscription_count\":3}]}"));

    BatchResult result = await(async.triggerBatch(List.of(Event.of("c", "e", "d").withInfo(Info.SUBSCRIPTION_COUNT))));

    assertThat(result.events()).containsExactly(new ChannelCounts(OptionalInt.empty(), OptionalInt.of(3)));
  }

  @Test
  void sendToUserAndTerminateComplete() throws Exception {
    await(async.sendToUser("u1", "e", "d"));
    await(async.terminateUserConnections("u1"));

    assertThat(server.requests()).extracting(RecordingHttpServer.Recorded::rawPath)
        .containsExactly("/apps/3/events", "/apps/3/users/u1/terminate_connections");
  }

  @Test
  void queriesCompleteWithTheirResults() throws Exception {
    server.enqueue(
        Reply.json("{\"channels\":{\"lobby\":{}}}"),
        Reply.json("{\"occupied\":true,\"subscription_count\":2}"),
        Reply.json("{\"users\":[{\"id\":\"7\"}]}"));

    assertThat(await(async.channels(ChannelsQuery.all())).names()).containsExactly("lobby");
    assertThat(await(async.channel("lobby", Info.SUBSCRIPTION_COUNT)).subscriptionCount()).isEqualTo(OptionalInt.of(2));
    assertThat(await(async.users("presence-room"))).containsExactly("7");
  }

  @Test
  void apiErrorFailsTheFutureWithTheSameApiException() {
    server.enqueue(Reply.text(400, "Invalid channel"));

    Throwable cause = failureOf(async.trigger("c", "e", "d"));

    assertThat(cause).isInstanceOf(ApiException.class);
    assertThat(((ApiException) cause).status()).isEqualTo(400);
    assertThat(((ApiException) cause).body()).isEqualTo("Invalid channel");
  }

  @Test
  void soketiErrorBodyFailsTheFuture() {
    server.enqueue(Reply.json("{\"error\":\"nope\",\"code\":401}"));

    Throwable cause = failureOf(async.channel("c"));

    assertThat(cause).isInstanceOf(ApiException.class);
    assertThat(((ApiException) cause).status()).isEqualTo(401);
  }

  @Test
  void unreadableQueryAnswerFailsTheFutureWithAnApiException() {
    server.enqueue(Reply.json("{\"ok\":true}"));

    Throwable cause = failureOf(async.channels(ChannelsQuery.all()));

    assertThat(cause).isInstanceOf(ApiException.class).hasMessageContaining("cannot be read");
  }

  @Test
  void transportFailureFailsTheFutureWithATransportException() {
    server.enqueue(Reply.hangUp());

    Throwable cause = failureOf(async.trigger("c", "e", "d"));

    assertThat(cause).isInstanceOf(TransportException.class);
    assertThat(((TransportException) cause).kind()).isEqualTo(TransportException.Kind.CONNECTION_RESET);
  }

  @Test
  void validationFailureGivesAnAlreadyFailedFutureAndSendsNothing() {
    CompletableFuture<TriggerResult> future = async.trigger("bad channel name!", "e", "d");

    assertThat(future).isCompletedExceptionally();
    assertThat(failureOf(future)).isInstanceOf(ValidationException.class).hasMessageContaining("bad channel name!");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void validationFailureOfAQueryGivesAFailedFuture() {
    CompletableFuture<List<String>> future = async.users("not-presence");

    assertThat(future).isCompletedExceptionally();
    assertThat(failureOf(future)).isInstanceOf(ValidationException.class);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void manyFuturesInFlightAllComplete() throws Exception {
    List<CompletableFuture<TriggerResult>> futures = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      futures.add(async.trigger("c", "e", "n" + i));
    }

    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(server.requests()).hasSize(50);
  }

  @Test
  void closingTheClientFailsTheFuturesOfRequestsInFlight() throws Exception {
    server.enqueue(Reply.json("{}").after(java.time.Duration.ofSeconds(20)));
    ChannelsClient patient = TestClients.builderFor(server).timeout(java.time.Duration.ofSeconds(30)).build();
    CompletableFuture<TriggerResult> inFlight = patient.async().trigger("c", "e", "d");
    Await.until("the request reaches the server", () -> server.requestCount() > 0, java.time.Duration.ofSeconds(5));
    assertThat(server.requestCount()).as("the request reached the server").isEqualTo(1);

    patient.close();

    // Well before the 20 s answer or the 30 s timeout: close() itself fails what is in flight.
    Throwable cause = failureOf(inFlight);
    assertThat(cause).isInstanceOf(TransportException.class).hasMessageContaining("closed");
  }
}
