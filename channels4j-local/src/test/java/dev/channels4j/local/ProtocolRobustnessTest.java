package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Info;
import dev.channels4j.testsupport.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProtocolRobustnessTest {
  @RegisterExtension
  static final LocalServerExtension SERVER = LocalServerExtension.perClass();

  private static String message(Peer subscriber) {
    return (String) Peer.dataMap(subscriber.awaitEvent("pusher:error")).get("message");
  }

  @Test
  void malformedJsonGetsErrorAndConnectionKeepsWorking(ChannelsClient client, Peer subscriber) {
    subscriber.send("{this is not json");
    assertThat(message(subscriber)).startsWith("Invalid message");
    subscriber.subscribe("still-works");
    client.trigger("still-works", "e", "d");
    subscriber.awaitEvent("still-works", "e");
  }

  @Test
  void messageWithoutEventGetsError(Peer subscriber) {
    subscriber.send("{\"data\":{}}");
    assertThat(message(subscriber)).startsWith("Invalid message");
  }

  @Test
  void unknownPusherEventGetsError(Peer subscriber) {
    subscriber.send("{\"event\":\"pusher:dance\",\"data\":{}}");
    assertThat(message(subscriber)).isEqualTo("Unsupported event pusher:dance");
  }

  @Test
  void pusherPingWithoutDataGetsPongWithData(Peer subscriber) {
    subscriber.send("{\"event\":\"pusher:ping\"}");
    assertThat(subscriber.awaitEvent("pusher:pong").data()).isEqualTo("{}");
  }

  @Test
  void subscribeWithStringDataIsAccepted(Peer subscriber) {
    subscriber.send("{\"event\":\"pusher:subscribe\",\"data\":\"{\\\"channel\\\":\\\"stringly\\\"}\"}");
    subscriber.awaitEvent("stringly", "pusher_internal:subscription_succeeded");
  }

  @Test
  void oversizedMessageClosesOnlyThatConnection(ChannelsClient client, Peer big, Peer other) {
    other.subscribe("bystander");
    big.send("{\"event\":\"client-x\",\"channel\":\"private-x\",\"data\":\"" + "x".repeat(70 * 1024) + "\"}");
    assertThat(big.awaitClose().code()).isEqualTo(1009);
    client.trigger("bystander", "e", "d");
    other.awaitEvent("bystander", "e");
  }

  @Test
  void everyServerMessageCarriesData(ChannelsClient client, Peer subscriber) {
    subscriber.subscribe("cache-data-check");
    subscriber.send("{\"event\":\"pusher:nope\"}");
    subscriber.sync();
    assertThat(subscriber.events()).allSatisfy(e -> assertThat(e.data()).isNotNull());
  }

  @Test
  void unknownAppKeyGetsError4001AndClose(LocalServer server) throws Exception {
    Probe probe = Probe.open(URI.create("ws://127.0.0.1:" + server.port() + "/app/no-such-key?protocol=7"));
    assertThat(probe.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(4001);
    assertThat(probe.text.toString()).contains("\"code\":4001");
  }

  @Test
  void missingProtocolGets4008(LocalServer server) throws Exception {
    Probe probe = Probe.open(URI.create("ws://127.0.0.1:" + server.port() + "/app/app-key"));
    assertThat(probe.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(4008);
  }

  @Test
  void unsupportedProtocolGets4007(LocalServer server) throws Exception {
    Probe probe = Probe.open(URI.create("ws://127.0.0.1:" + server.port() + "/app/app-key?protocol=3"));
    assertThat(probe.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(4007);
  }

  @Test
  void protocol5IsAccepted(LocalServer server) {
    URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/app/app-key?protocol=5&client=java-client");
    try (Peer subscriber = Peer.connect(uri, null, null)) {
      assertThat(subscriber.socketId()).matches("\\d+\\.\\d+");
    }
  }

  @Test
  void protocolPingFrameGetsPongFrame(LocalServer server) throws Exception {
    Probe probe = Probe.open(server.webSocketUri());
    probe.socket.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    assertThat(probe.pong.get(5, TimeUnit.SECONDS)).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    probe.socket.sendText("{\"event\":\"pusher:ping\"}", true).get(5, TimeUnit.SECONDS);
    probe.awaitText("pusher:pong");
    assertThat(probe.pongs.get()).as("one pong frame per ping frame").isEqualTo(1);
    probe.socket.abort();
  }

  @Test
  void binaryFrameGetsError(LocalServer server) throws Exception {
    Probe probe = Probe.open(server.webSocketUri());
    probe.socket.sendBinary(ByteBuffer.wrap("{}".getBytes()), true).get(5, TimeUnit.SECONDS);
    probe.awaitText("Binary messages are not supported");
    probe.socket.abort();
  }

  /** A bare JDK WebSocket, for frames and refusals the protocol client does not expose. */
  private static final class Probe implements WebSocket.Listener {
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    final CompletableFuture<ByteBuffer> pong = new CompletableFuture<>();
    final java.util.concurrent.atomic.AtomicInteger pongs = new java.util.concurrent.atomic.AtomicInteger();
    final StringBuffer text = new StringBuffer();
    WebSocket socket;

    static Probe open(URI uri) throws Exception {
      Probe probe = new Probe();
      probe.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, probe).get(5, TimeUnit.SECONDS);
      return probe;
    }

    void awaitText(String fragment) {
      if (!Await.within(() -> text.toString().contains(fragment), Duration.ofSeconds(5))) {
        throw new AssertionError("no message containing " + fragment + "; got " + text);
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data).append('\n');
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      pongs.incrementAndGet();
      ByteBuffer copy = ByteBuffer.allocate(message.remaining()).put(message).flip();
      pong.complete(copy);
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"5", "6", "7"})
  void protocolVersionsFiveToSevenAreAccepted(String version, LocalServer server) {
    URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/app/app-key?protocol=" + version);
    try (Peer subscriber = Peer.connect(uri, null, null)) {
      subscriber.subscribe("versioned-" + version);
    }
  }

  @Test
  void overlongUnknownAppKeyStillGets4001(LocalServer server) throws Exception {
    Probe probe = Probe.open(URI.create("ws://127.0.0.1:" + server.port() + "/app/" + "k".repeat(300) + "?protocol=7"));
    assertThat(probe.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(4001);
  }

  @Test
  void badInputOfOneConnectionLeavesOthersIntact(ChannelsClient client, Peer attacker,
      Peer bystander, Peer member) {
    bystander.subscribe("private-bystander");
    member.subscribePresence("presence-bystander", dev.channels4j.auth.PresenceMember.of("member"));
    attacker.send("{not json");
    attacker.send("[]");
    attacker.send("{\"event\":\"pusher:subscribe\"}");
    attacker.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":42}}");
    attacker.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-bystander\",\"auth\":\"x\"}}");
    attacker.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-bystander\",\"auth\":\"x\","
        + "\"channel_data\":\"{\\\"user_id\\\":\\\"member\\\"}\"}}");
    attacker.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"private-bystander\"}}");
    attacker.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"presence-bystander\"}}");
    attacker.send("{\"event\":\"client-x\",\"channel\":\"private-bystander\",\"data\":{}}");
    attacker.send("{\"event\":\"pusher_internal:member_added\",\"channel\":\"presence-bystander\",\"data\":{}}");
    attacker.send("{\"event\":\"whatever\",\"data\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
    attacker.sync();
    assertThat(attacker.isClosed()).isFalse();
    client.trigger("private-bystander", "still", "1");
    bystander.awaitEvent("private-bystander", "still");
    assertThat(client.users("presence-bystander")).containsExactly("member");
    assertThat(client.channel("private-bystander", Info.SUBSCRIPTION_COUNT).subscriptionCount()).hasValue(1);
    member.sync();
    assertThat(member.events("presence-bystander", "pusher_internal:member_added")).isEmpty();
    assertThat(member.events("presence-bystander", "pusher_internal:member_removed")).isEmpty();
  }

  @Test
  void everyKindOfServerMessageCarriesData() {
    try (LocalServer server = LocalServer.builder().port(0).clientEvents(true).userAuthentication(true)
            .subscriptionCount(true).build().start();
        ChannelsClient client = server.newClient();
        Peer a = Peer.connect(server, client);
        Peer b = Peer.connect(server, client)) {
      a.signIn(dev.channels4j.auth.UserData.of("a").watchlist(java.util.List.of("b")));
      b.signIn(dev.channels4j.auth.UserData.of("b"));
      a.subscribePresence("presence-all", dev.channels4j.auth.PresenceMember.of("a"));
      b.subscribePresence("presence-all", dev.channels4j.auth.PresenceMember.of("b"));
      a.subscribe("private-all");
      b.subscribe("private-all");
      b.trigger("private-all", "client-x", java.util.Map.of());
      b.trigger("presence-all", "client-y", "text");
      client.trigger("cache-all", "cached", "1");
      a.subscribe("cache-all");
      a.subscribe("cache-empty-all");
      b.unsubscribe("presence-all");
      a.send("{\"event\":\"pusher:nope\"}");
      a.awaitEvent("presence-all", "pusher_internal:member_removed");
      a.awaitEvent("presence-all", "client-y");
      a.sync();
      assertThat(a.events()).extracting(e -> e.event()).contains("pusher:connection_established",
          "pusher:signin_success", "pusher_internal:watchlist_events", "pusher_internal:subscription_succeeded",
          "pusher_internal:member_added", "pusher_internal:member_removed", "pusher_internal:subscription_count",
          "client-x", "client-y", "cached", "pusher:cache_miss", "pusher:error", "pusher:pong");
      assertThat(a.events()).allSatisfy(e -> assertThat(e.raw()).contains("\"data\":"));
    }
  }
}
