package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.testsupport.Await;
import dev.channels4j.webhook.Webhook;
import dev.channels4j.webhook.WebhookEvent;
import dev.channels4j.local.internal.Json;
import dev.channels4j.local.internal.state.Counters;
import dev.channels4j.local.internal.webhook.WebhookDispatcher;
import dev.channels4j.internal.transport.ApacheTransport;
import dev.channels4j.spi.Transport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest {
  private WebhookReceiver receiver;
  private LocalServer server;
  private ChannelsClient client;

  @BeforeEach
  void receiver() throws Exception {
    receiver = WebhookReceiver.ok();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    receiver.close();
  }

  private void start(Consumer<LocalServer.Builder> configure) {
    LocalServer.Builder builder = LocalServer.builder().port(0).webhookUrl(receiver.url());
    configure.accept(builder);
    server = builder.build().start();
    client = server.newClient();
  }

  /** The next webhook, verified by the core library: key, signature over the raw body, one event. */
  private WebhookEvent nextEvent(WebhookReceiver from) throws InterruptedException {
    WebhookReceiver.Received received = from.next();
    Webhook webhook = client.verifyWebhook(received.headers(), received.body());
    assertThat(webhook.events()).hasSize(1);
    return webhook.events().get(0);
  }

  @Test
  void occupiedAndVacatedAreSignedAndVerifiable() throws Exception {
    start(b -> {});
    try (Peer subscriber = Peer.connect(server, client)) {
      subscriber.subscribe("hooked");
      assertThat(nextEvent(receiver)).isEqualTo(new WebhookEvent.ChannelOccupied("hooked"));
      subscriber.unsubscribe("hooked");
      assertThat(nextEvent(receiver)).isEqualTo(new WebhookEvent.ChannelVacated("hooked"));
    }
  }

  @Test
  void webhookCarriesPusherHeaders() throws Exception {
    start(b -> {});
    try (Peer subscriber = Peer.connect(server, client)) {
      subscriber.subscribe("headers");
      WebhookReceiver.Received received = receiver.next();
      assertThat(received.headers().get("X-Pusher-Key")).containsExactly("app-key");
      assertThat(received.headers().get("X-Pusher-Signature").get(0)).matches("[0-9a-f]{64}");
      assertThat(new String(received.body())).contains("\"time_ms\":");
    }
  }

  @Test
  void memberAddedAndRemoved() throws Exception {
    start(b -> {});
    try (Peer subscriber = Peer.connect(server, client)) {
      subscriber.subscribePresence("presence-hooked", PresenceMember.of("u1"));
      assertThat(nextEvent(receiver)).isEqualTo(new WebhookEvent.ChannelOccupied("presence-hooked"));
      assertThat(nextEvent(receiver)).isEqualTo(new WebhookEvent.MemberAdded("presence-hooked", "u1"));
      subscriber.unsubscribe("presence-hooked");
      assertThat(nextEvent(receiver)).isEqualTo(new WebhookEvent.MemberRemoved("presence-hooked", "u1"));
      assertThat(nextEvent(receiver)).isEqualTo(new WebhookEvent.ChannelVacated("presence-hooked"));
    }
  }

  @Test
  void clientEventWebhookCarriesSenderAndData() throws Exception {
    start(b -> b.clientEvents(true));
    try (Peer sender = Peer.connect(server, client)) {
      sender.subscribePresence("presence-client", PresenceMember.of("sender"));
      nextEvent(receiver);
      nextEvent(receiver);
      sender.trigger("presence-client", "client-moved", Map.of("x", 1));
      assertThat(nextEvent(receiver)).isEqualTo(new WebhookEvent.ClientEvent("presence-client", "client-moved",
          "{\"x\":1}", Optional.of(sender.socketId()), Optional.of("sender")));
    }
  }

  @Test
  void cacheMiss() throws Exception {
    start(b -> {});
    try (Peer subscriber = Peer.connect(server, client)) {
      subscriber.subscribe("cache-hooked");
      nextEvent(receiver);
      assertThat(nextEvent(receiver)).isEqualTo(new WebhookEvent.CacheMiss("cache-hooked"));
    }
  }

  @Test
  void subscriptionCount() throws Exception {
    start(b -> b.subscriptionCount(true));
    try (Peer subscriber = Peer.connect(server, client)) {
      subscriber.subscribe("count-hooked");
      nextEvent(receiver);
      assertThat(nextEvent(receiver)).isEqualTo(new WebhookEvent.SubscriptionCount("count-hooked", 1));
    }
  }

  @Test
  void everyUrlReceivesEachWebhook() throws Exception {
    try (WebhookReceiver second = WebhookReceiver.ok()) {
      start(b -> b.webhookUrl(second.url()));
      try (Peer subscriber = Peer.connect(server, client)) {
        subscriber.subscribe("both");
        assertThat(nextEvent(receiver)).isEqualTo(new WebhookEvent.ChannelOccupied("both"));
        assertThat(nextEvent(second)).isEqualTo(new WebhookEvent.ChannelOccupied("both"));
      }
    }
  }

  @Test
  void failedDeliveryIsRetriedUntilItSucceeds() throws Exception {
    receiver.close();
    receiver = new WebhookReceiver(n -> n <= 2 ? 500 : 200);
    start(b -> b.webhookInitialBackoff(Duration.ofMillis(20)));
    try (Peer subscriber = Peer.connect(server, client)) {
      subscriber.subscribe("flaky");
      assertThat(nextEvent(receiver)).isEqualTo(new WebhookEvent.ChannelOccupied("flaky"));
      assertThat(receiver.attempts.get()).isEqualTo(3);
    }
  }

  @Test
  void deliveryIsGivenUpAfterTheRetryWindowAndLogged() throws Exception {
    receiver.close();
    receiver = new WebhookReceiver(n -> 503);
    LocalApp app = LocalApp.builder().webhookUrl(receiver.url()).build();
    ManualTimers retries = new ManualTimers();
    String gaveUp = "gave up webhook channel_occupied for channel dead-end";
    try (LogCapture log = new LogCapture();
        WebhookDispatcher dispatcher = new WebhookDispatcher(retries, Clock.systemUTC(), Duration.ofMillis(300),
            Duration.ofMillis(20), Limits.pusher(), new Counters())) {
      dispatcher.send(app, Json.object().put("name", "channel_occupied").put("channel", "dead-end"));
      // Each retry runs when the test says: the backoff doubles past the 300 ms window whatever the clock.
      while (!log.text().contains(gaveUp)) {
        Await.until("a retry is scheduled or the webhook is given up",
            () -> retries.pending() > 0 || log.text().contains(gaveUp), Duration.ofSeconds(15));
        if (retries.pending() > 0) {
          retries.runNext();
        }
      }
      String line = log.awaitLine(gaveUp, Duration.ofSeconds(1));
      assertThat(line).contains("WARN").contains(receiver.url()).contains("retry window of PT0.3S")
          .contains("last failure: HTTP 503");
      // Logged after the last attempt's answer, and nothing scheduled since: no attempt can follow.
      assertThat(retries.pending()).as("retries scheduled after giving up").isZero();
      assertThat(line).contains("after " + receiver.attempts.get() + " attempt(s)");
    } finally {
      retries.shutdownNow();
    }
  }

  @Test
  void webhooksGivenUpInABurstAreLoggedOnceAtWarnThenSummed() throws Exception {
    receiver.close();
    // Down for the burst; the webhook after it gets through.
    receiver = WebhookReceiver.answeringBy(body -> body.contains("\"back\"") ? 200 : 503);
    LocalApp app = LocalApp.builder().webhookUrl(receiver.url()).build();
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    try (LogCapture log = new LogCapture();
        WebhookDispatcher dispatcher = new WebhookDispatcher(scheduler, Clock.systemUTC(), Duration.ofMillis(50),
            Duration.ofMillis(10), Limits.pusher(), new Counters())) {
      for (int i = 0; i < 20; i++) {
        dispatcher.send(app, Json.object().put("name", "channel_occupied").put("channel", "burst-" + i));
      }
      dispatcher.send(app, Json.object().put("name", "channel_occupied").put("channel", "back"));
      String summary = log.awaitLine("in all before this one got through", Duration.ofSeconds(15));

      assertThat(summary).contains("gave up 20 webhook(s)");
      assertThat(log.text().lines().filter(line -> line.contains("WARN") && line.contains("gave up webhook"))).hasSize(1);
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void retriesWaitTwiceAsLongEachTime() throws Exception {
    receiver.close();
    receiver = new WebhookReceiver(n -> 500);
    List<Long> delays = new CopyOnWriteArrayList<>();
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1) {
      @Override
      public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        delays.add(unit.toMillis(delay));
        return super.schedule(command, delay, unit);
      }
    };
    LocalApp app = LocalApp.builder().webhookUrl(receiver.url()).build();
    try (WebhookDispatcher dispatcher = new WebhookDispatcher(scheduler, Clock.systemUTC(), Duration.ofSeconds(30),
        Duration.ofMillis(10), Limits.pusher(), new Counters())) {
      dispatcher.send(app, Json.object().put("name", "channel_occupied").put("channel", "backoff"));
      Await.until("four retries are scheduled", () -> delays.size() >= 4, Duration.ofSeconds(20));
      assertThat(delays).startsWith(10L, 20L, 40L, 80L);
      assertThat(receiver.attempts.get()).isGreaterThanOrEqualTo(4);
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void webhookLogsNeverPrintTheSecret() throws Exception {
    receiver.close();
    receiver = new WebhookReceiver(n -> 500);
    try (LogCapture log = new LogCapture()) {
      start(b -> b.secret("hook-secret-b7e1").webhookInitialBackoff(Duration.ofMillis(10))
          .webhookRetryFor(Duration.ofMillis(100)));
      try (Peer subscriber = Peer.connect(server, client)) {
        subscriber.subscribe("secretive");
        log.awaitLine("gave up webhook channel_occupied for channel secretive", Duration.ofSeconds(15));
      }
      server.close();
      assertThat(log.text()).doesNotContain("hook-secret-b7e1");
    }
  }

  @Test
  void aTransportThatThrowsFailsOnlyThatAttemptNotTheCallerNorTheQueue() throws Exception {
    LocalApp app = LocalApp.builder().webhookUrl(receiver.url()).build();
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    java.util.concurrent.atomic.AtomicInteger sends = new java.util.concurrent.atomic.AtomicInteger();
    ApacheTransport real = new ApacheTransport(Duration.ofSeconds(5), Duration.ofSeconds(5), 4, null);
    // What a class path with mismatched HttpClient and HttpCore jars does, on the sending thread.
    Transport brokenOnce = request -> {
      if (sends.getAndIncrement() == 0) {
        throw new NoClassDefFoundError("org/apache/hc/core5/http/nio/command/StaleCheckCommand");
      }
      return real.send(request);
    };
    try (WebhookDispatcher dispatcher = new WebhookDispatcher(scheduler, Clock.systemUTC(), Duration.ofSeconds(30),
        Duration.ofMillis(10), Limits.pusher(), new Counters(), () -> brokenOnce)) {
      dispatcher.send(app, Json.object().put("name", "channel_occupied").put("channel", "first"));
      dispatcher.send(app, Json.object().put("name", "channel_occupied").put("channel", "second"));
      assertThat(new String(receiver.next().body())).contains("\"channel\":\"first\"");
      assertThat(new String(receiver.next().body())).contains("\"channel\":\"second\"");
      assertThat(sends.get()).isEqualTo(3);
    } finally {
      real.close();
      scheduler.shutdownNow();
    }
  }

  @Test
  void webhooksSentFromManyThreadsAtOnceAllArrive() throws Exception {
    LocalApp app = LocalApp.builder().webhookUrl(receiver.url()).build();
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    int threads = 8;
    int each = 25;
    try (WebhookDispatcher dispatcher = new WebhookDispatcher(scheduler, Clock.systemUTC(), Duration.ofSeconds(5),
        Duration.ofMillis(10), Limits.pusher(), new Counters())) {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<Thread> senders = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Thread sender = new Thread(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            return;
          }
          for (int n = 0; n < each; n++) {
            dispatcher.send(app, Json.object().put("name", "channel_occupied").put("channel", "c-" + thread + "-" + n));
          }
        });
        sender.start();
        senders.add(sender);
      }
      go.countDown();
      for (Thread sender : senders) {
        sender.join();
      }
      java.util.Set<String> channels = new java.util.HashSet<>();
      for (int i = 0; i < threads * each; i++) {
        channels.add(new String(receiver.next().body()).replaceAll(".*\"channel\":\"([^\"]+)\".*", "$1"));
      }
      assertThat(channels).hasSize(threads * each);
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void vacancyDelaySuppressesAQuickReturn() throws Exception {
    start(b -> b.vacancyDelay(Duration.ofSeconds(2)));
    try (Peer subscriber = Peer.connect(server, client)) {
      subscriber.subscribe("bouncy");
      assertThat(nextEvent(receiver)).isEqualTo(new WebhookEvent.ChannelOccupied("bouncy"));
      subscriber.unsubscribe("bouncy");
      subscriber.subscribe("bouncy");
      subscriber.unsubscribe("bouncy");
      // Only one vacated arrives, after the delay; the bounce in between produced nothing.
      assertThat(nextEvent(receiver)).isEqualTo(new WebhookEvent.ChannelVacated("bouncy"));
      assertThat(receiver.poll(300)).isNull();
    }
  }
}
