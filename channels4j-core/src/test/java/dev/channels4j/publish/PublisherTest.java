package dev.channels4j.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ApiException;
import dev.channels4j.ChannelCounts;
import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.Info;
import dev.channels4j.PublishRejectedException;
import dev.channels4j.Publisher;
import dev.channels4j.PublisherOptions.Backpressure;
import dev.channels4j.PublisherOptions;
import dev.channels4j.ValidationException;
import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spi.TransportResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublisherTest {
  private static final String MASTER_KEY = "bm90LWEtcmVhbC1rZXktYnV0LTMyLWJ5dGVzLWxvbmc=";

  private final ExecutorService executor = Executors.newFixedThreadPool(6);
  private ChannelsClient client;

  @AfterEach
  void tearDown() {
    executor.shutdownNow();
    if (client != null) {
      client.close();
    }
  }

  private ChannelsClient client(PublisherTestTransport transport) {
    client = ChannelsClient.builder()
        .appId("1").key("key").secret("secret")
        .host("127.0.0.1").port(6001).useTls(false)
        .encryptionMasterKeyBase64(MASTER_KEY)
        .transport(transport)
        .build();
    return client;
  }

  private static PublisherOptions.Builder options() {
    return PublisherOptions.builder().linger(Duration.ofSeconds(10));
  }

  @Test
  void sendsEveryEventOnceInBatchesOfAtMostTheLimit() {
    PublisherTestTransport transport = new PublisherTestTransport(PublisherTestTransport.OK);
    Publisher publisher = client(transport).publisher(options().build());
    List<CompletableFuture<ChannelCounts>> futures = new ArrayList<>();
    for (int i = 0; i < 95; i++) {
      futures.add(publisher.publish(Event.of("channel-" + (i % 7), "ev", "{\"n\":" + i + "}")));
    }
    publisher.close();

    assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
    assertThat(transport.requests()).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 10));
    assertThat(transport.sentEvents()).extracting(e -> e.get("data"))
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, 95).mapToObj(i -> "{\"n\":" + i + "}").toList());
  }

  @Test
  void keepsPublishOrderWithinEachChannelAndNeverHasAChannelInTwoRequestsAtOnce() throws Exception {
    ExecutorService answers = Executors.newFixedThreadPool(4);
    Random random = new Random(7);
    PublisherTestTransport transport = new PublisherTestTransport((index, events) -> {
      int delay;
      synchronized (random) {
        delay = random.nextInt(3);
      }
      return CompletableFuture.supplyAsync(PublisherTestTransport::ok,
          CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, answers));
    });
    Publisher publisher = client(transport).publisher(
        options().linger(Duration.ofMillis(1)).maxInFlightRequests(8).build());
    List<Future<?>> publishers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      publishers.add(executor.submit(() -> {
        for (int i = 0; i < 500; i++) {
          publisher.publish(Event.of("room-" + thread + "-" + (i % 3), "ev", Integer.toString(i)));
        }
      }));
    }
    for (Future<?> f : publishers) {
      f.get(30, TimeUnit.SECONDS);
    }
    publisher.close();
    answers.shutdownNow();

    Map<String, List<Integer>> perChannel = new HashMap<>();
    for (Map<String, Object> event : transport.sentEvents()) {
      perChannel.computeIfAbsent((String) event.get("channel"), c -> new ArrayList<>())
          .add(Integer.parseInt((String) event.get("data")));
    }
    assertThat(perChannel).hasSize(12);
    perChannel.forEach((channel, sequence) -> assertThat(sequence).as(channel).hasSize(167 - (channel.endsWith("-2") ? 1 : 0)).isSorted());
    assertThat(transport.sawChannelInTwoRequestsAtOnce()).isFalse();
  }

  @Test
  void aFailedRequestFailsExactlyTheEventsItCarried() {
    PublisherTestTransport transport = new PublisherTestTransport((index, events) ->
        CompletableFuture.completedFuture(index == 1
            ? PublisherTestTransport.status(500, "{\"error\":\"boom\"}")
            : PublisherTestTransport.ok()));
    Publisher publisher = client(transport).publisher(options().maxBatchSize(5).maxInFlightRequests(1).build());
    List<CompletableFuture<ChannelCounts>> futures = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      futures.add(publisher.publish(Event.of("c" + i, "ev", "x")));
    }
    publisher.close();

    assertThat(transport.requests()).hasSize(3);
    List<Object> failedChannels = transport.requests().get(1).stream().map(e -> e.get("channel")).toList();
    for (int i = 0; i < 15; i++) {
      CompletableFuture<ChannelCounts> future = futures.get(i);
      if (failedChannels.contains("c" + i)) {
        assertThatThrownBy(future::join).hasCauseInstanceOf(ApiException.class)
            .satisfies(e -> assertThat(((ApiException) e.getCause()).status()).isEqualTo(500));
      } else {
        assertThat(future).isCompleted().isNotCompletedExceptionally();
      }
    }
    assertThat(failedChannels).hasSize(5);
  }

  @Test
  void anInvalidEventFailsOnlyItsOwnFutureAndIsNeverSent() {
    PublisherTestTransport transport = new PublisherTestTransport(PublisherTestTransport.OK);
    Publisher publisher = client(transport).publisher(options().build());
    CompletableFuture<ChannelCounts> first = publisher.publish(Event.of("good", "ev", "1"));
    CompletableFuture<ChannelCounts> bad = publisher.publish(Event.of("bad channel!", "ev", "2"));
    CompletableFuture<ChannelCounts> last = publisher.publish(Event.of("good", "ev", "3"));
    publisher.flush();

    assertThatThrownBy(bad::join).hasCauseInstanceOf(ValidationException.class).hasMessageContaining("bad channel!");
    assertThat(first).isCompleted().isNotCompletedExceptionally();
    assertThat(last).isCompleted().isNotCompletedExceptionally();
    assertThat(transport.sentEvents()).extracting(e -> e.get("data")).containsExactly("1", "3");
    publisher.close();
  }

  @Test
  void failFastRejectsEventsWhenTheQueueIsFullAndKeepsTheAcceptedOnes() {
    CompletableFuture<TransportResponse> held = new CompletableFuture<>();
    PublisherTestTransport transport = new PublisherTestTransport((index, events) -> held);
    Publisher publisher = client(transport).publisher(options().linger(Duration.ZERO).maxInFlightRequests(1)
        .queueCapacity(2).backpressure(Backpressure.FAIL_FAST).build());
    CompletableFuture<ChannelCounts> inFlight = publisher.publish(Event.of("a", "ev", "1"));
    CompletableFuture<ChannelCounts> queued1 = publisher.publish(Event.of("b", "ev", "2"));
    CompletableFuture<ChannelCounts> queued2 = publisher.publish(Event.of("c", "ev", "3"));
    CompletableFuture<ChannelCounts> rejected = publisher.publish(Event.of("d", "ev", "4"));

    assertThatThrownBy(rejected::join).hasCauseInstanceOf(PublishRejectedException.class)
        .satisfies(e -> assertThat(((PublishRejectedException) e.getCause()).reason())
            .isEqualTo(PublishRejectedException.Reason.QUEUE_FULL));
    held.complete(PublisherTestTransport.ok());
    publisher.close();
    assertThat(List.of(inFlight, queued1, queued2)).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
    assertThat(transport.sentEvents()).extracting(e -> e.get("data")).containsExactlyInAnyOrder("1", "2", "3");
  }

  @Test
  void waitBlocksThePublisherUntilTheQueueHasRoom() throws Exception {
    CompletableFuture<TransportResponse> held = new CompletableFuture<>();
    PublisherTestTransport transport = new PublisherTestTransport((index, events) -> index == 0 ? held
        : CompletableFuture.completedFuture(PublisherTestTransport.ok()));
    Publisher publisher = client(transport).publisher(options().linger(Duration.ZERO).maxInFlightRequests(1)
        .queueCapacity(1).backpressure(Backpressure.WAIT).build());
    publisher.publish(Event.of("a", "ev", "1"));
    publisher.publish(Event.of("b", "ev", "2"));
    CompletableFuture<CompletableFuture<ChannelCounts>> third = new CompletableFuture<>();
    Thread publishing = new Thread(() -> third.complete(publisher.publish(Event.of("c", "ev", "3"))));
    publishing.start();

    awaitParked(publishing);
    assertThat(third).as("publish returned while the queue was full").isNotDone();
    held.complete(PublisherTestTransport.ok());
    assertThat(third.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS)).isNotNull();
    publisher.close();
    assertThat(transport.sentEvents()).extracting(e -> e.get("data")).containsExactly("1", "2", "3");
  }

  /** Waits until {@code thread} is parked (here: waiting for room in the queue), or has ended. */
  private static void awaitParked(Thread thread) {
    while (thread.getState() != Thread.State.WAITING && thread.isAlive()) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  @Test
  void flushSendsWaitingEventsWithoutWaitingForTheLinger() {
    PublisherTestTransport transport = new PublisherTestTransport(PublisherTestTransport.OK);
    Publisher publisher = client(transport).publisher(options().linger(Duration.ofSeconds(10)).build());
    List<CompletableFuture<ChannelCounts>> futures = List.of(
        publisher.publish(Event.of("a", "ev", "1")),
        publisher.publish(Event.of("b", "ev", "2")),
        publisher.publish(Event.of("a", "ev", "3")));
    assertThat(transport.requests()).isEmpty();

    publisher.flush();

    assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
    assertThat(transport.requests()).hasSize(1);
    assertThat(transport.requests().get(0)).extracting(e -> e.get("data")).containsExactly("1", "3", "2");
    publisher.close();
  }

  @Test
  void lingerSendsAPartialBatchOnItsOwn() throws Exception {
    PublisherTestTransport transport = new PublisherTestTransport(PublisherTestTransport.OK);
    Publisher publisher = client(transport).publisher(options().linger(Duration.ofMillis(5)).build());

    ChannelCounts counts = publisher.publish(Event.of("a", "ev", "1")).get(10, TimeUnit.SECONDS);

    assertThat(counts.userCount()).isEmpty();
    assertThat(transport.requests()).hasSize(1);
    publisher.close();
  }

  @Test
  void closeUnderLoadDeliversEveryAcceptedEventExactlyOnce() throws Exception {
    ExecutorService answers = Executors.newFixedThreadPool(2);
    CountDownLatch someSent = new CountDownLatch(20);
    PublisherTestTransport transport = new PublisherTestTransport((index, events) -> {
      someSent.countDown();
      return CompletableFuture.supplyAsync(PublisherTestTransport::ok, answers);
    });
    Publisher publisher = client(transport).publisher(
        options().linger(Duration.ofMillis(1)).queueCapacity(100).maxInFlightRequests(4).build());
    List<CompletableFuture<ChannelCounts>> futures = Collections.synchronizedList(new ArrayList<>());
    Map<CompletableFuture<ChannelCounts>, String> dataOf = Collections.synchronizedMap(new HashMap<>());
    CountDownLatch started = new CountDownLatch(4);
    List<Future<?>> publishers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      publishers.add(executor.submit(() -> {
        started.countDown();
        for (int i = 0; i < 3000; i++) {
          String data = thread + ":" + i;
          CompletableFuture<ChannelCounts> f = publisher.publish(Event.of("ch-" + (i % 10), "ev", data));
          futures.add(f);
          dataOf.put(f, data);
        }
      }));
    }
    started.await();
    // Closes mid-stream: some requests have gone, the publishing threads are still at it.
    someSent.await(10, TimeUnit.SECONDS);
    publisher.close();
    for (Future<?> f : publishers) {
      f.get(30, TimeUnit.SECONDS);
    }
    answers.shutdown();

    List<String> accepted = new ArrayList<>();
    AtomicInteger rejected = new AtomicInteger();
    synchronized (futures) {
      for (CompletableFuture<ChannelCounts> f : futures) {
        try {
          f.getNow(null);
          assertThat(f).isCompleted();
          accepted.add(dataOf.get(f));
        } catch (CompletionException e) {
          assertThat(e.getCause()).isInstanceOf(PublishRejectedException.class);
          assertThat(((PublishRejectedException) e.getCause()).reason()).isEqualTo(PublishRejectedException.Reason.CLOSED);
          rejected.incrementAndGet();
        }
      }
    }
    List<Object> sent = transport.sentEvents().stream().map(e -> e.get("data")).toList();
    assertThat(sent).doesNotHaveDuplicates();
    assertThat(sent).containsExactlyInAnyOrderElementsOf(accepted);
    assertThat(accepted.size() + rejected.get()).isEqualTo(12_000);
  }

  @Test
  void publishingAfterCloseIsRejected() {
    Publisher publisher = client(new PublisherTestTransport(PublisherTestTransport.OK)).publisher();
    publisher.close();

    assertThatThrownBy(publisher.publish(Event.of("a", "ev", "1"))::join)
        .hasCauseInstanceOf(PublishRejectedException.class).hasMessageContaining("closed");
  }

  @Test
  @SuppressWarnings("unchecked")
  void encryptsDataPassesSocketIdsAndInfoAndReturnsEachEventsCounts() throws Exception {
    PublisherTestTransport transport = new PublisherTestTransport((index, events) -> CompletableFuture.completedFuture(
        PublisherTestTransport.status(200, "{\"batch\":[{\"user_count\":3},{}]}")));
    Publisher publisher = client(transport).publisher(options().build());
    CompletableFuture<ChannelCounts> presence = publisher.publish(
        Event.of("presence-room", "ev", Map.of("a", 1)).excluding("123.456").withInfo(Info.USER_COUNT));
    CompletableFuture<ChannelCounts> secret = publisher.publish(Event.of("private-encrypted-room", "ev", "hidden"));
    publisher.flush();

    assertThat(presence.get().userCount()).hasValue(3);
    assertThat(secret.get().userCount()).isEmpty();
    List<Map<String, Object>> sent = transport.sentEvents();
    assertThat(sent.get(0)).containsEntry("socket_id", "123.456").containsEntry("info", "user_count")
        .containsEntry("data", "{\"a\":1}");
    Map<String, Object> encrypted = (Map<String, Object>) JacksonJsonCodecs.defaults().parse((String) sent.get(1).get("data"));
    assertThat(encrypted).containsOnlyKeys("nonce", "ciphertext");
    assertThat((String) encrypted.get("ciphertext")).doesNotContain("hidden");
    publisher.close();
  }

  @Test
  void anEventOnSeveralChannelsFailsItsFutureAndIsNeverSent() {
    PublisherTestTransport transport = new PublisherTestTransport(PublisherTestTransport.OK);
    Publisher publisher = client(transport).publisher(options().build());

    CompletableFuture<ChannelCounts> multi = publisher.publish(Event.of(List.of("a", "b"), "ev", "1"));
    publisher.flush();

    assertThatThrownBy(multi::join).hasCauseInstanceOf(ValidationException.class).hasMessageContaining("exactly one channel");
    assertThat(transport.sentEvents()).isEmpty();
    publisher.close();
  }

  @Test
  void aNullEventFailsItsFutureNamingTheArgument() {
    Publisher publisher = client(new PublisherTestTransport(PublisherTestTransport.OK)).publisher(options().build());

    assertThatThrownBy(publisher.publish(null)::join)
        .hasCauseInstanceOf(ValidationException.class)
        .hasMessageContaining("event must not be null");
    publisher.close();
  }

  @Test
  void aBatchLimitAboveTheClientsIsRefused() {
    ChannelsClient c = client(new PublisherTestTransport(PublisherTestTransport.OK));
    PublisherOptions tooBig = PublisherOptions.builder().maxBatchSize(11).build();

    assertThatThrownBy(() -> c.publisher(tooBig)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxBatchSize 11");
  }
}
