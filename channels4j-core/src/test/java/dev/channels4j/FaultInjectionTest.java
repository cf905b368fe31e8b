package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.internal.api.Dispatcher;
import dev.channels4j.testing.FaultServer;
import dev.channels4j.testing.FaultServer.Fault;
import dev.channels4j.testsupport.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public operation that goes over the network (blocking, async, publisher) against every
 * fault {@link FaultServer} can act out. For each pair: the error is of the type and kind the
 * fault calls for, it arrives within a bound (generous: this is a fault test, not a performance
 * test), every future completes exactly once, and once the client is closed no thread it started
 * and no connection it opened is left.
 *
 * <p>The client here has a 500 ms timeout and no retries, so a fault costs at most about half a
 * second; {@link #alternatingFaultsAreRetriedPastUntilAnAnswer} covers retries.
 */
class FaultInjectionTest {
  static final Duration TIMEOUT = Duration.ofMillis(500);
  /** Time to fail, generous on a loaded 2-core machine: the timeout plus seconds of slack. */
  static final Duration BOUND = TIMEOUT.plusSeconds(5);

  /** One public operation, run in its mode; blocking ones are turned into a completed future. */
  record Operation(String name, boolean readsTheAnswer, Function<ChannelsClient, List<CompletableFuture<?>>> run) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Operation> operations() {
    List<Operation> ops = new ArrayList<>();
    ops.add(blocking("trigger", false, c -> c.trigger("orders", "created", "{}")));
    ops.add(blocking("trigger with info", true,
        c -> c.trigger(Event.of("orders", "created", "{}").withInfo(Info.SUBSCRIPTION_COUNT))));
    ops.add(blocking("triggerBatch", false, c -> c.triggerBatch(List.of(Event.of("orders", "created", "{}")))));
    ops.add(blocking("triggerBatch with info", true,
        c -> c.triggerBatch(List.of(Event.of("orders", "created", "{}").withInfo(Info.SUBSCRIPTION_COUNT)))));
    ops.add(blocking("sendToUser", false, c -> {
      c.sendToUser("user-1", "hello", "{}");
      return null;
    }));
    ops.add(blocking("terminateUserConnections", false, c -> {
      c.terminateUserConnections("user-1");
      return null;
    }));
    ops.add(blocking("channels", true, c -> c.channels()));
    ops.add(blocking("channel", true, c -> c.channel("orders")));
    ops.add(blocking("users", true, c -> c.users("presence-room")));
    ops.add(async("async trigger", false, c -> c.async().trigger("orders", "created", "{}")));
    ops.add(async("async trigger with info", true,
        c -> c.async().trigger(Event.of("orders", "created", "{}").withInfo(Info.SUBSCRIPTION_COUNT))));
    ops.add(async("async triggerBatch", false, c -> c.async().triggerBatch(List.of(Event.of("orders", "created", "{}")))));
    ops.add(async("async triggerBatch with info", true,
        c -> c.async().triggerBatch(List.of(Event.of("orders", "created", "{}").withInfo(Info.SUBSCRIPTION_COUNT)))));
    ops.add(async("async sendToUser", false, c -> c.async().sendToUser("user-1", "hello", "{}")));
    ops.add(async("async terminateUserConnections", false, c -> c.async().terminateUserConnections("user-1")));
    ops.add(async("async channels", true, c -> c.async().channels(ChannelsQuery.all())));
    ops.add(async("async channel", true, c -> c.async().channel("orders")));
    ops.add(async("async users", true, c -> c.async().users("presence-room")));
    ops.add(new Operation("publisher", false, c -> publishThree(c, false)));
    ops.add(new Operation("publisher with info", true, c -> publishThree(c, true)));
    return ops;
  }

  static Stream<Arguments> everyOperationAgainstEveryFault() {
    return Stream.of(Fault.values()).flatMap(fault -> operations().stream().map(op -> Arguments.of(fault, op)));
  }

  @ParameterizedTest(name = "{1} against {0}")
  @MethodSource("everyOperationAgainstEveryFault")
  void everyOperationEndsWithTheFaultsTypedOutcomeInTimeAndLeavesNothingBehind(Fault fault, Operation op)
      throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    List<CompletableFuture<?>> futures;
    List<AtomicInteger> completions = new ArrayList<>();
    long started;
    long elapsedNanos;
    try (FaultServer server = FaultServer.start(fault)) {
      try (ChannelsClient client = clientFor(server).build()) {
        started = System.nanoTime();
        futures = op.run().apply(client);
        for (CompletableFuture<?> future : futures) {
          AtomicInteger count = new AtomicInteger();
          completions.add(count);
          future.whenComplete((result, error) -> count.incrementAndGet());
        }
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
            .handle((r, e) -> null)
            .get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        elapsedNanos = System.nanoTime() - started;
      }
      assertThat(server.awaitNoOpenConnections(Duration.ofSeconds(5)))
          .as("every connection the client opened is closed once the client is").isTrue();
    }

    assertThat(Duration.ofNanos(elapsedNanos)).as("time to fail").isLessThan(BOUND);
    assertThat(completions).as("every future completed exactly once").allSatisfy(c -> assertThat(c).hasValue(1));
    for (CompletableFuture<?> future : futures) {
      expectOutcome(fault, op, future);
    }
    assertThat(threadsLeftBehind(before)).as("threads left behind").isEmpty();
  }

  /**
   * With retries, a server that resets one connection, answers 500 on the next and 200 on the
   * third is retried past: every operation succeeds on its third attempt.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void alternatingFaultsAreRetriedPastUntilAnAnswer(Operation op) throws Exception {
    try (FaultServer server = FaultServer.start(Fault.RESET, Fault.HTTP_500, Fault.OK);
        ChannelsClient client = clientFor(server)
            .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5)).retryPosts(true).build())
            .build()) {
      List<CompletableFuture<?>> futures = op.run().apply(client);

      for (CompletableFuture<?> future : futures) {
        future.get(BOUND.toMillis() * 3, TimeUnit.MILLISECONDS);
      }
      assertThat(server.connections()).isEqualTo(3);
    }
  }

  @Test
  void aFaultDoesNotHarmTheNextRequestOnTheSameClient() throws Exception {
    try (FaultServer server = FaultServer.start(Fault.ENDLESS_BODY, Fault.GARBAGE, Fault.TRICKLE, Fault.OK, Fault.OK);
        ChannelsClient client = clientFor(server).maxConnections(1).build()) {
      for (int i = 0; i < 3; i++) {
        CompletableFuture<TriggerResult> failing = client.async().trigger("orders", "created", "{}");
        assertThat(failing.handle((r, e) -> Dispatcher.unwrap(e)).get(BOUND.toMillis(), TimeUnit.MILLISECONDS))
            .isInstanceOf(TransportException.class);
      }

      assertThat(client.channels().channels()).isEmpty();
      assertThat(client.async().channels(ChannelsQuery.all()).get(BOUND.toMillis(), TimeUnit.MILLISECONDS).channels())
          .isEmpty();
    }
  }

  private static void expectOutcome(Fault fault, Operation op, CompletableFuture<?> future) {
    assertThat(future).isDone();
    Throwable error = future.handle((r, e) -> e == null ? null : Dispatcher.unwrap(e)).join();
    switch (fault) {
      case OK -> assertThat(error).isNull();
      case CLOSE_WITHOUT_ANSWER, RESET -> assertKind(error, TransportException.Kind.CONNECTION_RESET);
      case STALL_BEFORE_HEADERS, STALL_DURING_BODY, TRICKLE -> assertKind(error, TransportException.Kind.TIMEOUT);
      case ENDLESS_BODY -> assertKind(error, TransportException.Kind.RESPONSE_TOO_LARGE);
      case GARBAGE -> {
        assertThat(error).isInstanceOf(TransportException.class);
        assertThat(((TransportException) error).kind()).isIn(
            TransportException.Kind.CONNECTION_RESET, TransportException.Kind.OTHER);
      }
      case NOT_JSON_200 -> {
        if (op.readsTheAnswer()) {
          assertThat(error).isInstanceOf(ApiException.class).hasMessageContaining("not JSON");
          assertThat(((ApiException) error).status()).isEqualTo(200);
        } else {
          assertThat(error).isNull();
        }
      }
      case HTTP_500 -> assertApi(error, 500, null);
      case HTTP_503_RETRY_AFTER -> assertApi(error, 503, Duration.ofSeconds(7));
      case HTTP_429 -> assertApi(error, 429, null);
      case HTTP_429_RETRY_AFTER -> assertApi(error, 429, Duration.ofSeconds(3));
      default -> throw new IllegalStateException("no expectation for " + fault);
    }
  }

  private static void assertKind(Throwable error, TransportException.Kind kind) {
    assertThat(error).isInstanceOf(TransportException.class);
    assertThat(((TransportException) error).kind()).as(String.valueOf(error)).isEqualTo(kind);
  }

  private static void assertApi(Throwable error, int status, Duration retryAfter) {
    assertThat(error).isInstanceOf(ApiException.class);
    ApiException api = (ApiException) error;
    assertThat(api.status()).isEqualTo(status);
    assertThat(api.isRetryable()).isTrue();
    assertThat(api.retryAfter()).isEqualTo(java.util.Optional.ofNullable(retryAfter));
  }

  static ChannelsClient.Builder clientFor(FaultServer server) {
    return ChannelsClient.builder()
        .appId("3").key("fault-key").secret("fault-secret")
        .host("127.0.0.1").port(server.port()).useTls(false)
        .timeout(TIMEOUT).connectTimeout(TIMEOUT)
        .retryPolicy(RetryPolicy.none());
  }

  /** Threads started since {@code before} that are still alive after a short grace, JDK-wide pools aside. */
  static List<String> threadsLeftBehind(Set<Thread> before) {
    return Threads.leftBehind(before, name -> name.startsWith("ForkJoinPool.commonPool")
        || name.equals("CompletableFutureDelayScheduler") || name.startsWith("fault-server"), Duration.ofSeconds(5));
  }

  private static Operation blocking(String name, boolean readsTheAnswer, Function<ChannelsClient, Object> call) {
    return new Operation(name, readsTheAnswer, client -> {
      try {
        return List.of(CompletableFuture.completedFuture(call.apply(client)));
      } catch (RuntimeException e) {
        return List.of(CompletableFuture.failedFuture(e));
      }
    });
  }

  private static Operation async(String name, boolean readsTheAnswer,
      Function<ChannelsClient, CompletableFuture<?>> call) {
    return new Operation(name, readsTheAnswer, client -> List.of(call.apply(client)));
  }

  /** Three events on two channels through a publisher, closed at once: close() waits for (or bounds) them. */
  private static List<CompletableFuture<?>> publishThree(ChannelsClient client, boolean withInfo) {
    List<CompletableFuture<?>> futures = new ArrayList<>();
    try (Publisher publisher = client.publisher()) {
      for (String channel : List.of("orders", "orders", "invoices")) {
        Event event = Event.of(channel, "created", "{}");
        futures.add(publisher.publish(withInfo ? event.withInfo(Info.SUBSCRIPTION_COUNT) : event));
      }
    }
    return futures;
  }
}
