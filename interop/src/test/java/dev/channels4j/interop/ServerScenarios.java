package dev.channels4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.channels4j.ChannelInfo;
import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.Info;
import dev.channels4j.RawResponse;
import dev.channels4j.WebhookVerificationException;
import dev.channels4j.webhook.Webhook;
import dev.channels4j.webhook.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scenarios every Pusher-compatible server must pass with our library publishing and
 * authorizing, and pusher-js 8.6.0 subscribing: one subclass per server.
 *
 * <p>Every test uses channels of its own (a fresh suffix), connects its own pusher-js clients and
 * disconnects them afterwards. "Exactly what it should" is checked with a sentinel: after the
 * events under test, one more event is sent to each subscriber; the server delivers a
 * connection's events in order, so once the sentinel is there, everything before it is too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerScenarios {
  /** A fixed master key: the tests check interoperability, not key management. */
  static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final String SENTINEL = "sentinel";
  /** Pusher may hold channel_vacated and member_removed back for up to 3 s; allow for more. */
  private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(20);
  private static final AtomicInteger SUFFIX = new AtomicInteger();
  /** Data with non-ASCII text and every character JSON must escape. */
  private static final Map<String, Object> PAYLOAD = payload();

  private AppEndpoint app;
  private PusherServer server;
  private PusherJs pusherJs;
  private ChannelsClient client;
  private final List<String> clients = new ArrayList<>();
  private String suffix;

  /** How to start the server under test, given the URL its webhooks go to. */
  abstract PusherServer.Factory serverFactory();

  /**
   * Whether the server percent-decodes the user id in {@code /users/<id>/terminate_connections}
   * (RFC 3986; Pusher's libraries send ids outside the URL alphabet escaped). soketi 1.6.1 does
   * not: it takes the raw path parameter as the id.
   */
  boolean decodesUserIdsInPaths() {
    return true;
  }

  @BeforeAll
  void startPeers() {
    try {
      app = AppEndpoint.start();
      server = serverFactory().start(app.webhookUrl());
      client = server.client(MASTER_KEY);
      app.use(client);
      pusherJs = PusherJs.start();
    } catch (RuntimeException | Error e) {
      stopPeers();
      throw e;
    }
  }

  @AfterAll
  void stopPeers() {
    if (pusherJs != null) {
      pusherJs.close();
    }
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    if (app != null) {
      app.close();
    }
  }

  @BeforeEach
  void freshChannels() {
    suffix = SUFFIX.incrementAndGet() + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
  }

  @AfterEach
  void disconnectClients() {
    clients.forEach(pusherJs::disconnect);
    clients.clear();
  }

  @Test
  void pusherJsSubscribesToEveryChannelKindThroughOurAuthEndpoint() {
    connect("alice");

    // subscribe(...) fails the test on pusher:subscription_error (a refused signature, a bad
    // auth response) and returns pusher-js's pusher:subscription_succeeded.
    pusherJs.subscribe(name("alice"), channel("public"));
    pusherJs.subscribe(name("alice"), channel("private-"));
    JsonNode presence = pusherJs.subscribe(name("alice"), channel("presence-"));
    pusherJs.subscribe(name("alice"), channel("private-encrypted-"));

    assertThat(presence.path("me").path("id").asText()).isEqualTo(userId("alice"));
    assertThat(presence.path("me").path("info")).isEqualTo(Json.MAPPER.valueToTree(Map.of("name", displayName("alice"))));
  }

  @Test
  void singleChannelEventReachesOnlyThatChannelsSubscribers() {
    connect("alice");
    connect("bob");
    pusherJs.subscribe(name("alice"), channel("private-"));
    pusherJs.subscribe(name("alice"), channel("public"));
    pusherJs.subscribe(name("bob"), channel("public"));

    client.trigger(channel("private-"), "greeting", PAYLOAD);

    settle(Map.of("alice", channel("public"), "bob", channel("public")));
    assertThat(deliveries("alice")).containsExactly(delivery(channel("private-"), "greeting", PAYLOAD));
    assertThat(deliveries("bob")).isEmpty();
  }

  @Test
  void multiChannelEventReachesEachNamedChannelOnce() {
    connect("alice");
    connect("bob");
    connect("carol");
    pusherJs.subscribe(name("alice"), channel("public-a"));
    pusherJs.subscribe(name("alice"), channel("private-b"));
    pusherJs.subscribe(name("bob"), channel("private-b"));
    pusherJs.subscribe(name("carol"), channel("public-c"));

    client.trigger(List.of(channel("public-a"), channel("private-b")), "fanout", PAYLOAD);

    settle(Map.of("alice", channel("public-a"), "bob", channel("private-b"), "carol", channel("public-c")));
    assertThat(deliveries("alice")).containsExactlyInAnyOrder(
        delivery(channel("public-a"), "fanout", PAYLOAD), delivery(channel("private-b"), "fanout", PAYLOAD));
    assertThat(deliveries("bob")).containsExactly(delivery(channel("private-b"), "fanout", PAYLOAD));
    assertThat(deliveries("carol")).isEmpty();
  }

  @Test
  void batchDeliversEachEventOnItsOwnChannelInOrder() {
    connect("alice");
    connect("bob");
    pusherJs.subscribe(name("alice"), channel("public-a"));
    pusherJs.subscribe(name("bob"), channel("presence-b"));

    client.triggerBatch(List.of(
        Event.of(channel("public-a"), "first", Map.of("n", 1)),
        Event.of(channel("presence-b"), "second", Map.of("n", 2)),
        Event.of(channel("public-a"), "third", "plain text, sent as is")));

    settle(Map.of("alice", channel("public-a"), "bob", channel("presence-b")));
    assertThat(deliveries("alice")).containsExactly(
        delivery(channel("public-a"), "first", Map.of("n", 1)),
        delivery(channel("public-a"), "third", "plain text, sent as is"));
    assertThat(deliveries("bob")).containsExactly(delivery(channel("presence-b"), "second", Map.of("n", 2)));
  }

  @Test
  void excludedSocketIdDoesNotReceiveTheEvent() {
    String aliceSocket = connect("alice");
    connect("bob");
    pusherJs.subscribe(name("alice"), channel("public"));
    pusherJs.subscribe(name("bob"), channel("public"));

    client.trigger(Event.of(channel("public"), "not-for-alice", PAYLOAD).excluding(aliceSocket));

    settle(Map.of("alice", channel("public"), "bob", channel("public")));
    assertThat(deliveries("alice")).isEmpty();
    assertThat(deliveries("bob")).containsExactly(delivery(channel("public"), "not-for-alice", PAYLOAD));
  }

  @Test
  void pusherJsDecryptsOurEncryptedEvent() {
    connect("alice");
    pusherJs.subscribe(name("alice"), channel("private-encrypted-"));

    client.trigger(channel("private-encrypted-"), "secret", PAYLOAD);

    // pusher-js drops an event it cannot decrypt, so receiving the plaintext proves the cipher,
    // the per-channel key and the shared_secret of our auth response all agree with it.
    settle(Map.of("alice", channel("private-encrypted-")));
    assertThat(deliveries("alice")).containsExactly(delivery(channel("private-encrypted-"), "secret", PAYLOAD));
  }

  @Test
  void sendToUserReachesOnlyTheSignedInUser() {
    connect("alice");
    connect("bob");
    pusherJs.signIn(name("alice"));
    pusherJs.signIn(name("bob"));

    client.sendToUser(userId("alice"), "direct", PAYLOAD);

    client.sendToUser(userId("alice"), SENTINEL, Map.of());
    client.sendToUser(userId("bob"), SENTINEL, Map.of());
    pusherJs.await(name("alice"), line -> "user_event".equals(PusherJs.type(line)) && SENTINEL.equals(line.path("event").asText()));
    pusherJs.await(name("bob"), line -> "user_event".equals(PusherJs.type(line)) && SENTINEL.equals(line.path("event").asText()));
    assertThat(userDeliveries("alice")).containsExactly(delivery("(user)", "direct", PAYLOAD));
    assertThat(userDeliveries("bob")).isEmpty();
  }

  @Test
  void presenceMembersSeenByPusherJsMatchUsersAndUserCount() {
    String room = channel("presence-");
    connect("alice");
    connect("carol");
    connect("dave");
    connect("dave-second-tab", userId("dave"), displayName("dave"));
    pusherJs.subscribe(name("alice"), room);
    pusherJs.subscribe(name("carol"), room);
    pusherJs.subscribe(name("dave"), room);
    pusherJs.subscribe(name("dave-second-tab"), room);
    settle(Map.of("alice", room, "carol", room, "dave", room, "dave-second-tab", room));

    Map<String, JsonNode> seenByAlice = membersSeenBy("alice", room);
    List<String> users = client.users(room);
    ChannelInfo info = client.channel(room, Info.USER_COUNT);

    assertThat(seenByAlice.keySet()).containsExactlyInAnyOrder(userId("alice"), userId("carol"), userId("dave"));
    assertThat(seenByAlice.get(userId("carol"))).isEqualTo(Json.MAPPER.valueToTree(Map.of("name", displayName("carol"))));
    assertThat(new TreeSet<>(users)).isEqualTo(new TreeSet<>(seenByAlice.keySet()));
    assertThat(info.occupied()).isTrue();
    assertThat(info.userCount()).hasValue(seenByAlice.size());
  }

  @Test
  void terminateUserConnectionsDisconnectsTheSignedInConnection() {
    connect("alice");
    connect("bob");
    pusherJs.signIn(name("alice"));
    pusherJs.signIn(name("bob"));
    pusherJs.subscribe(name("bob"), channel("public"));

    client.terminateUserConnections(userId("alice"));

    JsonNode left = pusherJs.await(name("alice"), line -> "state".equals(PusherJs.type(line))
        && "connected".equals(line.path("previous").asText()));
    assertThat(left.path("current").asText()).isNotEqualTo("connected");
    // Both soketi and Pusher say why before closing: pusher:error 4009.
    JsonNode error = pusherJs.await(name("alice"), line -> "pusher_error".equals(PusherJs.type(line)));
    assertThat(error.path("data").path("code").asInt()).isEqualTo(4009);
    settle(Map.of("bob", channel("public")));
    assertThat(pusherJs.observed(name("bob"), line -> "state".equals(PusherJs.type(line))
        && "connected".equals(line.path("previous").asText()))).as("bob stays connected").isEmpty();
  }

  @Test
  void serverWebhooksVerifyAndTamperedCopiesAreRefused() {
    String publicChannel = channel("public");
    String room = channel("presence-");
    String privateChannel = channel("private-");
    connect("alice");
    pusherJs.subscribe(name("alice"), publicChannel);
    pusherJs.subscribe(name("alice"), room);
    pusherJs.subscribe(name("alice"), privateChannel);
    pusherJs.triggerClientEvent(name("alice"), privateChannel, "client-typing", Json.MAPPER.valueToTree(PAYLOAD));

    List<WebhookEvent> expected = List.of(
        new WebhookEvent.ChannelOccupied(publicChannel),
        new WebhookEvent.MemberAdded(room, userId("alice")));
    for (WebhookEvent event : expected) {
      assertWebhookVerifies(event);
    }
    AppEndpoint.ReceivedWebhook clientEvent = app.awaitWebhook(hook -> hook.bodyText().contains("\"client_event\"")
        && hook.bodyText().contains("\"" + privateChannel + "\""), WEBHOOK_TIMEOUT);
    Webhook verified = client.verifyWebhook(clientEvent.headers(), clientEvent.body());
    WebhookEvent.ClientEvent event = (WebhookEvent.ClientEvent) verified.events().stream()
        .filter(e -> e instanceof WebhookEvent.ClientEvent).findFirst().orElseThrow();
    assertThat(event.event()).isEqualTo("client-typing");
    // soketi forwards client_event data as the JSON value the client sent (an object), Pusher as a
    // JSON string; our reader hands both out as JSON text.
    assertThat(Json.parse(event.data())).isEqualTo(Json.MAPPER.valueToTree(PAYLOAD));
    assertTamperedCopiesRefused(clientEvent);

    disconnect("alice");
    for (WebhookEvent leaving : List.of(
        new WebhookEvent.ChannelVacated(publicChannel), new WebhookEvent.MemberRemoved(room, userId("alice")))) {
      assertWebhookVerifies(leaving);
    }
  }

  @Test
  void aUserIdOutsideTheChannelNameAlphabetIsTerminated() {
    // Any 1..200 character id, as Go and Node take it: percent-encoded in the path of
    // terminate_connections, and signed as sent.
    String userId = "auth0|" + suffix;
    connect("alice", userId, displayName("alice"));
    connect("bob");
    pusherJs.signInOnly(name("alice"));
    pusherJs.signIn(name("bob"));
    pusherJs.subscribe(name("bob"), channel("public"));

    // Accepted either way: the server checked the signature of the escaped path as sent.
    client.terminateUserConnections(userId);

    settle(Map.of("bob", channel("public")));
    if (decodesUserIdsInPaths()) {
      JsonNode error = pusherJs.await(name("alice"), line -> "pusher_error".equals(PusherJs.type(line)));
      assertThat(error.path("data").path("code").asInt()).isEqualTo(4009);
    } else {
      // The server looked for a user named "auth0%7C...": alice, after bob's sentinel, is untouched.
      assertThat(pusherJs.observed(name("alice"), line -> "pusher_error".equals(PusherJs.type(line)))).isEmpty();
    }
    assertThat(pusherJs.observed(name("bob"), line -> "state".equals(PusherJs.type(line))
        && "connected".equals(line.path("previous").asText()))).as("bob stays connected").isEmpty();
  }

  @Test
  void escapeHatchReadsAndPublishesThroughAnyEndpoint() {
    String publicChannel = channel("public");
    connect("alice");
    pusherJs.subscribe(name("alice"), publicChannel);

    RawResponse listed = client.get("/channels", Map.of("filter_by_prefix", publicChannel));
    client.post("/events", Map.of("name", "raw", "channels", List.of(publicChannel), "data", Json.write(Json.MAPPER.valueToTree(PAYLOAD))));

    assertThat(Json.parse(listed.body()).path("channels").has(publicChannel)).as(listed.body()).isTrue();
    settle(Map.of("alice", publicChannel));
    assertThat(deliveries("alice")).containsExactly(delivery(publicChannel, "raw", PAYLOAD));
  }

  /** Waits for the server's webhook carrying {@code event}; it verifies and reads back, tampered copies do not. */
  private void assertWebhookVerifies(WebhookEvent event) {
    AppEndpoint.ReceivedWebhook received = app.awaitWebhook(hook -> hook.bodyText().contains("\"" + event.channel() + "\"")
        && hook.bodyText().contains("\"" + event.name() + "\""), WEBHOOK_TIMEOUT);
    Webhook verified = client.verifyWebhook(received.headers(), received.body());
    assertThat(verified.events()).contains(event);
    assertTamperedCopiesRefused(received);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private void assertTamperedCopiesRefused(AppEndpoint.ReceivedWebhook genuine) {
    String body = genuine.bodyText();
    byte[] alteredBody = body.replaceFirst("\"channel\":\"", "\"channel\":\"x").getBytes(StandardCharsets.UTF_8);
    assertThat(alteredBody).isNotEqualTo(genuine.body());
    assertThatThrownBy(() -> client.verifyWebhook(genuine.headers(), alteredBody))
        .as("altered body").isInstanceOf(WebhookVerificationException.class);

    Map<String, List<String>> otherKey = withHeader(genuine.headers(), "X-Pusher-Key", "another-key");
    assertThatThrownBy(() -> client.verifyWebhook(otherKey, genuine.body()))
        .as("another key").isInstanceOf(WebhookVerificationException.class);

    String signature = header(genuine.headers(), "X-Pusher-Signature");
    char last = signature.charAt(signature.length() - 1);
    String flipped = signature.substring(0, signature.length() - 1) + (last == '0' ? '1' : '0');
    Map<String, List<String>> badSignature = withHeader(genuine.headers(), "X-Pusher-Signature", flipped);
    assertThatThrownBy(() -> client.verifyWebhook(badSignature, genuine.body()))
        .as("altered signature").isInstanceOf(WebhookVerificationException.class);
  }

  private static Map<String, List<String>> withHeader(Map<String, List<String>> headers, String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((key, values) -> {
      if (!key.equalsIgnoreCase(name)) {
        copy.put(key, values);
      }
    });
    copy.put(name, List.of(value));
    return copy;
  }

  private static String header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().get(0)).findFirst().orElseThrow();
  }

  /** Connects {@code who} as the user of the same name. */
  private String connect(String who) {
    return connect(who, userId(who), displayName(who));
  }

  private void disconnect(String who) {
    pusherJs.disconnect(name(who));
    clients.remove(name(who));
  }

  private String connect(String who, String userId, String displayName) {
    String socketId = pusherJs.connect(name(who), server, app, userId, displayName);
    clients.add(name(who));
    return socketId;
  }

  /** Sends a sentinel to each client on the given channel and waits until each has it. */
  private void settle(Map<String, String> channelByClient) {
    channelByClient.values().stream().distinct().forEach(ch -> client.trigger(ch, SENTINEL, Map.of()));
    channelByClient.forEach((who, ch) -> pusherJs.await(name(who), line -> "event".equals(PusherJs.type(line))
        && SENTINEL.equals(line.path("event").asText()) && ch.equals(line.path("channel").asText())));
  }

  /** The channel events a client received, sentinels left out: "channel | event | data". */
  private List<String> deliveries(String who) {
    return pusherJs.observed(name(who), line -> "event".equals(PusherJs.type(line))
            && !SENTINEL.equals(line.path("event").asText()))
        .stream()
        .map(line -> delivery(line.path("channel").asText(), line.path("event").asText(), line.get("data")))
        .toList();
  }

  /** The sendToUser events a client received, sentinels left out. */
  private List<String> userDeliveries(String who) {
    return pusherJs.observed(name(who), line -> "user_event".equals(PusherJs.type(line))
            && !SENTINEL.equals(line.path("event").asText()))
        .stream()
        .map(line -> delivery("(user)", line.path("event").asText(), line.get("data")))
        .toList();
  }

  /** The members a client knows on a presence channel: its subscription's list, then joins and leaves. */
  private Map<String, JsonNode> membersSeenBy(String who, String room) {
    Map<String, JsonNode> members = new HashMap<>();
    for (JsonNode line : pusherJs.observed(name(who), line -> room.equals(line.path("channel").asText()))) {
      switch (PusherJs.type(line)) {
        case "subscribed" -> line.path("members").forEach(m -> members.put(m.path("id").asText(), m.path("info")));
        case "member_added" -> members.put(line.path("member").path("id").asText(), line.path("member").path("info"));
        case "member_removed" -> members.remove(line.path("member").path("id").asText());
        default -> { }
      }
    }
    return members;
  }

  private static String delivery(String channel, String event, Object data) {
    return channel + " | " + event + " | " + Json.write(Json.MAPPER.valueToTree(data));
  }

  private String name(String who) {
    return who + "-" + suffix;
  }

  private String userId(String who) {
    return "user-" + who + "-" + suffix;
  }

  private static String displayName(String who) {
    return "Ünïcödé " + who + " ✓ \"quoted\" \\ 😀";
  }

  private String channel(String prefix) {
    return prefix + (prefix.endsWith("-") ? "" : "-") + suffix;
  }

  private static Map<String, Object> payload() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("text", "héllo ✓ 中文 😀 \"quotes\" \\ / \n\t\u0001 \u2028");
    data.put("number", 42);
    data.put("nested", Map.of("list", List.of(1, "two", true)));
    data.put("nothing", null);
    return data;
  }
}
