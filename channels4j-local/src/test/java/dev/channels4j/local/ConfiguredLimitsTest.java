package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.auth.UserData;
import dev.channels4j.protocol.SocketMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits and timeouts set on the builder, and the errors past them. */
class ConfiguredLimitsTest {

  @Test
  void activityTimeoutIsAnnounced() {
    try (LocalServer server = LocalServer.builder().port(0).activityTimeout(Duration.ofSeconds(30)).build().start();
        Peer subscriber = Peer.connect(server)) {
      assertThat(Peer.dataMap(subscriber.events().get(0))).containsEntry("activity_timeout", 30);
    }
  }

  @Test
  void silentConnectionGetsPingThenIsClosedWith4201() throws Exception {
    try (LocalServer server = LocalServer.builder().port(0).activityTimeout(Duration.ofSeconds(1))
        .pongTimeout(Duration.ofMillis(500)).build().start()) {
      java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
      StringBuffer received = new StringBuffer();
      java.net.http.WebSocket socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(server.webSocketUri(), new java.net.http.WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data,
                boolean last) {
              received.append(data).append('\n');
              ws.request(1);
              return null;
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String reason) {
              closed.complete(code);
              return null;
            }
          }).get(5, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4201);
      assertThat(received.toString()).contains("\"event\":\"pusher:ping\"").contains("\"code\":4201");
      socket.abort();
    }
  }

  @Test
  void aClientThatAnswersPingsStaysConnected() {
    try (LocalServer server = LocalServer.builder().port(0).activityTimeout(Duration.ofSeconds(1))
            .pongTimeout(Duration.ofSeconds(5)).build().start();
        Peer subscriber = Peer.connect(server)) {
      subscriber.awaitEvent("pusher:ping");
      subscriber.awaitEvent("pusher:ping");
      assertThat(subscriber.isClosed()).isFalse();
    }
  }

  @Test
  void requestBodyOverTheLimitIs413() {
    try (LocalServer server = LocalServer.builder().port(0)
        .limits(Limits.builder().maxRequestBytes(64).build()).build().start()) {
      HttpResponse<String> response = new RawApi(server).post("/apps/app-id/events",
          "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"" + "x".repeat(100) + "\"}");
      assertThat(response.statusCode()).isEqualTo(413);
    }
  }

  @Test
  void clientEventDataOverTheLimitIsRefused() {
    try (LocalServer server = LocalServer.builder().port(0).clientEvents(true)
            .limits(Limits.builder().maxDataBytes(10).build()).build().start();
        Peer sender = Peer.connect(server)) {
      sender.subscribe("private-small");
      sender.trigger("private-small", "client-big", "x".repeat(20));
      SocketMessage error = sender.awaitEvent("pusher:error");
      assertThat((String) Peer.dataMap(error).get("message")).startsWith("Client event rejected: data is");
    }
  }

  @Test
  void watchlistOverTheLimitKeepsTheFirstIdsAndSends4302() {
    try (LocalServer server = LocalServer.builder().port(0).userAuthentication(true)
            .limits(Limits.builder().maxWatchlistSize(1).build()).build().start();
        Peer subscriber = Peer.connect(server)) {
      subscriber.signIn(UserData.of("w").watchlist(List.of("a", "b")));
      assertThat(subscriber.awaitEvent("pusher_internal:watchlist_events").data())
          .isEqualTo("{\"events\":[{\"name\":\"offline\",\"user_ids\":[\"a\"]}]}");
      assertThat(Peer.errorCode(subscriber.awaitEvent("pusher:error"))).hasValue(4302);
    }
  }

  @Test
  void invalidLimitIsRefusedWithItsName() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Limits.builder().maxBatchSize(0).build())
        .hasMessage("maxBatchSize must be at least 1, got 0");
  }

  @Test
  void limitsDefaultToPushers() {
    Limits pusher = Limits.pusher();
    assertThat(pusher.maxChannelsPerTrigger()).isEqualTo(100);
    assertThat(pusher.maxBatchSize()).isEqualTo(10);
    assertThat(pusher.maxDataBytes()).isEqualTo(10 * 1024);
    assertThat(pusher.maxChannelNameLength()).isEqualTo(200);
    assertThat(pusher.maxEventNameLength()).isEqualTo(200);
    assertThat(pusher.maxClientEventsPerSecond()).isEqualTo(10);
    assertThat(pusher.maxPresenceMembers()).isEqualTo(100);
    assertThat(pusher.maxUserIdLength()).isEqualTo(128);
    assertThat(pusher.maxUserInfoBytes()).isEqualTo(1024);
    assertThat(pusher.maxWatchlistSize()).isEqualTo(100);
  }

  @Test
  void builtServerEnforcesPushersLimitsByDefault() {
    try (LocalServer server = LocalServer.builder().port(0).build().start()) {
      String name = "c".repeat(200);
      assertThat(new RawApi(server).post("/apps/app-id/events",
          "{\"name\":\"e\",\"channel\":\"" + name + "\",\"data\":\"d\"}").statusCode()).isEqualTo(200);
      assertThat(new RawApi(server).post("/apps/app-id/events",
          "{\"name\":\"e\",\"channel\":\"" + name + "c\",\"data\":\"d\"}").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void configuredChannelAndBatchLimitsReplacePushers() {
    try (LocalServer server = LocalServer.builder().port(0)
        .limits(Limits.builder().maxChannelsPerTrigger(2).maxBatchSize(1).maxChannelNameLength(5).build()).build().start()) {
      RawApi api = new RawApi(server);
      assertThat(api.post("/apps/app-id/events", "{\"name\":\"e\",\"channels\":[\"a\",\"b\",\"c\"],\"data\":\"d\"}")
          .body()).contains("too many channels: 3, at most 2");
      assertThat(api.post("/apps/app-id/batch_events", "{\"batch\":[{\"name\":\"e\",\"channel\":\"a\",\"data\":\"d\"},"
          + "{\"name\":\"e\",\"channel\":\"b\",\"data\":\"d\"}]}").body()).startsWith("Batch too large: 2 events, at most 1");
      assertThat(api.post("/apps/app-id/events", "{\"name\":\"e\",\"channel\":\"sixsix\",\"data\":\"d\"}").body())
          .startsWith("Channel name too long: 6 characters, the limit is 5");
    }
  }

  @Test
  void userIdJustOverASmallNameLimitIsRefusedWith400() {
    try (LocalServer server = LocalServer.builder().port(0)
        .limits(Limits.builder().maxChannelNameLength(5).build()).build().start()) {
      // 16 + 6 characters: shorter than the 40 the error message quotes of a long name.
      HttpResponse<String> response = new RawApi(server).post("/apps/app-id/events",
          "{\"name\":\"e\",\"channel\":\"#server-to-user-sixsix\",\"data\":\"d\"}");
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).startsWith("User id too long in #server-to-user-sixsix...: 6 characters, the limit is 5");
    }
  }

  @Test
  void aSubscriptionBeyondTheConnectionsLimitIsRefusedAndTheConnectionStays() {
    try (LocalServer server = LocalServer.builder().port(0)
            .limits(Limits.builder().maxSubscriptionsPerConnection(2).build()).build().start();
        Peer subscriber = Peer.connect(server)) {
      subscriber.subscribe("first");
      subscriber.subscribe("second");
      subscriber.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"third\"}}");

      assertThat(subscriber.awaitEvent("pusher:error").data()).contains("at most 2 channels").contains("third");
      assertThat(server.app().subscriptionCount("third")).isZero();
      subscriber.sync();
      assertThat(subscriber.isClosed()).isFalse();
    }
  }

  @Test
  void aSlowReadersOwnLimitIsBelowTheServerWideBacklogByDefault() {
    Limits limits = Limits.pusher();
    assertThat(limits.maxPendingMessagesPerConnection()).isLessThan(limits.maxQueuedDeliveries());
  }
}
