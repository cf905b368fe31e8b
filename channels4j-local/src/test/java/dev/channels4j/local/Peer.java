package dev.channels4j.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import dev.channels4j.local.internal.Json;
import dev.channels4j.protocol.Authorizer;
import dev.channels4j.protocol.CloseStatus;
import dev.channels4j.protocol.PusherSocket;
import dev.channels4j.protocol.SocketMessage;
import dev.channels4j.protocol.Subscriber;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A well-behaved WebSocket peer for the server's tests: the project's protocol client
 * ({@link Subscriber}) with the assertions the tests make of it. The test kit's {@code TestSubscriber}
 * depends on this module, so the server's tests cannot use it; this holds no protocol logic of its
 * own, only "wait for it or fail saying what did arrive".
 *
 * <p>Each {@code await} takes the first matching message that no earlier {@code await} (nor
 * {@code subscribe} or {@code signIn}, for their answers) took, so awaiting the same event twice
 * waits for a second one. {@link #events()} keeps them all.
 *
 * <pre>{@code
 * try (Peer alice = Peer.connect(server)) {
 *   alice.subscribe("orders");
 *   client.trigger("orders", "created", Map.of("id", 42));
 *   assertThat(Peer.dataMap(alice.awaitEvent("orders", "created"))).containsEntry("id", 42);
 * }
 * }</pre>
 */
final class Peer implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Subscriber subscriber;
  private final ChannelsClient ownedClient;
  private final Set<SocketMessage> taken = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  private Peer(Subscriber subscriber, ChannelsClient ownedClient) {
    this.subscriber = subscriber;
    this.ownedClient = ownedClient;
  }

  /** Connects to the server's default app, authorizing with a client of its own (closed with this peer). */
  static Peer connect(LocalServer server) {
    ChannelsClient client = server.newClient();
    try {
      return connect(server.webSocketUri(), server.clientSslContext().orElse(null), client, client);
    } catch (RuntimeException | Error e) {
      client.close();
      throw e;
    }
  }

  /** Connects to the server's default app, authorizing with the given client (left open). */
  static Peer connect(LocalServer server, ChannelsClient authorizer) {
    return connect(server.webSocketUri(), server.clientSslContext().orElse(null), authorizer, null);
  }

  /**
   * Connects to any WebSocket URI of the server.
   *
   * @param sslContext the trust for {@code wss://}; null for the JVM's default
   * @param authorizer signs private, presence and encrypted subscriptions and sign-ins (left open); null for none
   * @throws dev.channels4j.protocol.SocketException when the server cannot be reached or refuses the connection
   */
  static Peer connect(URI uri, SSLContext sslContext, ChannelsClient authorizer) {
    return connect(uri, sslContext, authorizer, null);
  }

  private static Peer connect(URI uri, SSLContext sslContext, ChannelsClient authorizer, ChannelsClient owned) {
    Peer peer = new Peer(Subscriber.connect(uri, sslContext, Authorizer.of(authorizer), TIMEOUT, message -> {}), owned);
    // connect waited for it: like a subscription's answer, it is not left for an await to take.
    peer.socket().messages(0, m -> m.event().equals("pusher:connection_established")).forEach(peer.taken::add);
    return peer;
  }

  String socketId() {
    return subscriber.socketId();
  }

  /** Subscribes (authorizing private and encrypted channels) and returns the server's answer; throws when refused. */
  SocketMessage subscribe(String channel) {
    return took(subscriber.subscribe(channel, null, TIMEOUT));
  }

  /** Subscribes to a presence channel as the member; the answer's data holds the member snapshot. */
  SocketMessage subscribePresence(String channel, PresenceMember member) {
    return took(subscriber.subscribe(channel, member, TIMEOUT));
  }

  /** Signs in; the user's own channel is left to the test, which may be checking that very step. */
  SocketMessage signIn(UserData user) {
    return took(subscriber.signIn(user, TIMEOUT, false));
  }

  void unsubscribe(String channel) {
    socket().unsubscribe(channel);
  }

  /** Sends a client event; {@code data} goes as JSON. */
  void trigger(String channel, String event, Object data) {
    socket().sendEvent(event, channel, data);
  }

  /** Sends a raw text frame. */
  void send(String text) {
    socket().send(text);
  }

  /** Pings and waits for the pong: everything the server sent before it has then arrived. */
  void sync() {
    if (!socket().sync(TIMEOUT)) {
      throw new AssertionError("no pusher:pong within " + TIMEOUT.toMillis() + " ms" + state());
    }
  }

  SocketMessage awaitEvent(String channel, String event) {
    return awaitEvent(m -> m.is(event, channel), "event " + event + " on channel " + channel);
  }

  /** A connection-level event, such as {@code pusher:error}. */
  SocketMessage awaitEvent(String event) {
    return awaitEvent(m -> m.event().equals(event), "event " + event);
  }

  List<SocketMessage> awaitEvents(String channel, String event, int count) {
    List<SocketMessage> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String what = "event " + event + " on " + channel + " (#" + (i + 1) + " of " + count + ")";
      events.add(awaitEvent(m -> m.is(event, channel), what));
    }
    return events;
  }

  private SocketMessage awaitEvent(Predicate<SocketMessage> match, String what) {
    SocketMessage found = socket().await(0, m -> !taken.contains(m) && match.test(m), TIMEOUT)
        .orElseThrow(() -> new AssertionError("no " + what + " within " + TIMEOUT.toMillis() + " ms" + state()));
    return took(found);
  }

  /**
   * Publishes {@code event} on {@code channel}, then a marker on {@code heardChannel} (one this peer
   * is subscribed to), and fails if the event reached this peer: the server delivers in order, so
   * once the marker is in, the event would have been too.
   */
  void assertNotDelivered(ChannelsClient publisher, String channel, String event, String heardChannel) {
    publisher.trigger(channel, event, "not for this peer");
    publisher.trigger(heardChannel, "marker", "m");
    awaitEvent(heardChannel, "marker");
    if (!events(channel, event).isEmpty()) {
      throw new AssertionError("event " + event + " on channel " + channel + " was delivered" + state());
    }
  }

  /** Every message received so far, awaited or not. */
  List<SocketMessage> events() {
    return socket().messages(0, m -> true);
  }

  List<SocketMessage> events(String channel, String event) {
    return socket().messages(0, m -> m.is(event, channel));
  }

  /** The plaintext of an encrypted channel's event data, opened with the secret its subscription got. */
  String decrypt(String channel, String data) {
    return subscriber.decrypt(channel, data);
  }

  /** Waits until the server closes the connection. */
  CloseStatus awaitClose() {
    try {
      return socket().closed().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("the connection was not closed within " + TIMEOUT.toMillis() + " ms" + state(), e);
    }
  }

  boolean isClosed() {
    return socket().closed().isDone();
  }

  /** The data of a message as a JSON object. */
  static Map<String, Object> dataMap(SocketMessage message) {
    JsonNode node = parsed(message);
    if (node == null || !node.isObject()) {
      throw new AssertionError("data of " + message.event() + " is not a JSON object: " + message.data());
    }
    return Json.MAPPER.convertValue(node, MAP);
  }

  /** The {@code code} of a {@code pusher:error}, if it has one. */
  static Optional<Integer> errorCode(SocketMessage message) {
    JsonNode node = parsed(message);
    return node != null && node.path("code").isInt() ? Optional.of(node.get("code").asInt()) : Optional.empty();
  }

  private static JsonNode parsed(SocketMessage message) {
    return message.data() == null ? null : Json.parseOrNull(message.data());
  }

  @Override
  public void close() {
    try {
      subscriber.close();
    } finally {
      if (ownedClient != null) {
        ownedClient.close();
      }
    }
  }

  @Override
  public String toString() {
    return "Peer[" + socketId() + "]";
  }

  private PusherSocket socket() {
    return subscriber.socket();
  }

  private SocketMessage took(SocketMessage message) {
    taken.add(Objects.requireNonNull(message));
    return message;
  }

  private String state() {
    CloseStatus status = socket().closed().getNow(null);
    List<SocketMessage> all = events();
    StringBuilder out = new StringBuilder(status == null ? "" : " (" + status.describe() + ")");
    out.append("; received ").append(all.size()).append(" message(s), the last ones:");
    for (SocketMessage message : all.subList(Math.max(0, all.size() - 20), all.size())) {
      out.append("\n  ").append(message.raw());
    }
    return out.toString();
  }
}
