package dev.channels4j.testkit;

import dev.channels4j.ChannelType;
import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import dev.channels4j.local.LocalServer;
import dev.channels4j.protocol.Authorizer;
import dev.channels4j.protocol.SocketException;
import dev.channels4j.protocol.SocketMessage;
import dev.channels4j.protocol.Subscriber;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A WebSocket client of the Channels protocol for tests. It connects, subscribes to every channel
 * type (authorizing private, presence and encrypted channels through a {@link ChannelsClient}, or
 * through the application's own auth endpoint — see {@link AuthEndpoint} — and decrypting
 * encrypted events with the {@code shared_secret} the authorization returned), signs in, sends
 * client events, and waits for events with a timeout and a failure message that lists what did
 * arrive.
 *
 * <pre>{@code
 * try (TestSubscriber alice = TestSubscriber.connect(server)) {
 *   alice.subscribe("private-orders");
 *   client.trigger("private-orders", "created", Map.of("id", 42));
 *   assertThat(alice.awaitEvent("private-orders", "created").dataMap()).containsEntry("id", 42);
 * }
 *
 * // Through the application's endpoint, to prove it authorizes the right users:
 * AuthEndpoint app = AuthEndpoint.builder().channelAuthorization(URI.create(baseUrl + "/pusher/auth"))
 *     .header("Cookie", "session=" + session).build();
 * try (TestSubscriber bob = TestSubscriber.connect(server, app)) {
 *   bob.subscribe("presence-room");
 * }
 * }</pre>
 *
 * <p>Each {@code await} takes the first matching message not taken by an earlier {@code await};
 * {@link #events()} keeps them all, up to {@value #MAX_KEPT_EVENTS} (beyond that the oldest half
 * is forgotten, awaited or not). Failures are {@link AssertionError}s. Thread-safe.
 */
public final class TestSubscriber implements AutoCloseable {
  /** How long {@code await} methods wait unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  /** At most this many received messages are kept by {@link #events()} and for {@code await}. */
  public static final int MAX_KEPT_EVENTS = 50_000;

  private final ChannelsClient ownedClient;
  private final Duration timeout;
  private final Object monitor = new Object();
  private final List<ReceivedEvent> history = new ArrayList<>();
  private final List<ReceivedEvent> pending = new ArrayList<>();
  private volatile Subscriber subscriber;
  private volatile boolean endpointAuthorized;

  private TestSubscriber(ChannelsClient ownedClient, Duration timeout) {
    this.ownedClient = ownedClient;
    this.timeout = timeout;
  }

  /** Connects to the default app of a server, authorizing with a client of that app. */
  public static TestSubscriber connect(LocalServer server) {
    ChannelsClient client = server.newClient();
    try {
      return connect(server.webSocketUri(), server.clientSslContext().orElse(null), Authorizer.of(client), client,
          DEFAULT_TIMEOUT);
    } catch (RuntimeException | Error e) {
      client.close();
      throw e;
    }
  }

  /** Connects to the default app of a server, authorizing with the given client (not closed by this subscriber). */
  public static TestSubscriber connect(LocalServer server, ChannelsClient authorizer) {
    return connect(server.webSocketUri(), server.clientSslContext().orElse(null), Authorizer.of(authorizer), null,
        DEFAULT_TIMEOUT);
  }

  /**
   * Connects to the default app of a server, authorizing through the application's own endpoint
   * (the app must sign with the server's credentials: give it {@link LocalServer#pusherUrl()}); over
   * {@code wss://} trusting the server's certificate when it has TLS.
   */
  public static TestSubscriber connect(LocalServer server, AuthEndpoint endpoint) {
    return connect(server.webSocketUri(), server.clientSslContext().orElse(null), endpoint);
  }

  /**
   * Connects to any Channels WebSocket URI ({@code ws://host:port/app/<key>?protocol=7}).
   *
   * @param authorizer signs private, presence and encrypted subscriptions and sign-ins; may be null for public channels only
   */
  public static TestSubscriber connect(URI uri, ChannelsClient authorizer, Duration timeout) {
    return connect(uri, null, Authorizer.of(authorizer), null, timeout);
  }

  /**
   * Connects to any Channels WebSocket URI over {@code wss://}, trusting what the given context
   * trusts (for a {@link LocalServer} with TLS: {@link LocalServer#clientSslContext()}).
   *
   * <pre>{@code
   * TestSubscriber subscriber = TestSubscriber.connect(server.webSocketUri(),
   *     server.clientSslContext().orElseThrow(), null, Duration.ofSeconds(5));
   * }</pre>
   *
   * @param authorizer signs private, presence and encrypted subscriptions and sign-ins; may be null for public channels only
   */
  public static TestSubscriber connect(URI uri, SSLContext sslContext, ChannelsClient authorizer, Duration timeout) {
    Objects.requireNonNull(sslContext, "sslContext");
    return connect(uri, sslContext, Authorizer.of(authorizer), null, timeout);
  }

  /**
   * Connects to any Channels WebSocket URI ({@code ws://host:port/app/<key>?protocol=7}),
   * authorizing through the application's own endpoint, as a browser running pusher-js would.
   */
  public static TestSubscriber connect(URI uri, AuthEndpoint endpoint) {
    return connect(uri, null, endpoint);
  }

  private static TestSubscriber connect(URI uri, SSLContext sslContext, AuthEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    TestSubscriber subscriber = connect(uri, sslContext, endpoint.authorizer(DEFAULT_TIMEOUT), null, DEFAULT_TIMEOUT);
    subscriber.endpointAuthorized = true;
    return subscriber;
  }

  private static TestSubscriber connect(URI uri, SSLContext sslContext, Authorizer authorizer, ChannelsClient owned,
      Duration timeout) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(timeout, "timeout");
    TestSubscriber test = new TestSubscriber(owned, timeout);
    try {
      test.subscriber = Subscriber.connect(uri, sslContext, authorizer, timeout, test::received);
    } catch (SocketException e) {
      throw new AssertionError("could not connect to " + uri + ": " + e.getMessage(), e);
    }
    synchronized (test.monitor) {
      // connect waited for it: like subscribe's answer, it is not left for an await to take.
      test.pending.removeIf(e -> e.event().equals("pusher:connection_established"));
    }
    return test;
  }

  /** The socket id the server gave this connection. */
  public String socketId() {
    return subscriber.socketId();
  }

  /**
   * Subscribes and waits for {@code pusher_internal:subscription_succeeded}; private and encrypted
   * channels are authorized through the client or endpoint. Fails with the server's error message
   * when refused. Presence channels: through an endpoint (which picks the member) here, through a
   * client with {@link #subscribePresence}.
   */
  public ReceivedEvent subscribe(String channel) {
    if (ChannelType.of(channel) == ChannelType.PRESENCE && !endpointAuthorized) {
      throw new IllegalArgumentException("presence channel " + channel + " needs a member: use subscribePresence");
    }
    return subscribeAs(channel, null);
  }

  /** Subscribes to a presence channel as the member; the result's data holds the member snapshot. */
  public ReceivedEvent subscribePresence(String channel, PresenceMember member) {
    return subscribeAs(channel, member);
  }

  private ReceivedEvent subscribeAs(String channel, PresenceMember member) {
    try {
      return converted(subscriber.subscribe(channel, member, timeout));
    } catch (SocketException e) {
      throw new AssertionError("subscription to " + channel + " failed: " + e.getMessage()
          + "; received so far: " + summary(events()), e);
    }
  }

  /** Sends {@code pusher:unsubscribe} (the server does not answer). */
  public void unsubscribe(String channel) {
    try {
      subscriber.socket().unsubscribe(channel);
    } catch (SocketException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /**
   * Signs in as the user (authenticated through the client) and waits for {@code pusher:signin_success}.
   * Unlike pusher-js it does not subscribe to {@code #server-to-user-<id>} by itself: subscribe to
   * it to receive {@code sendToUser} events.
   */
  public ReceivedEvent signIn(UserData user) {
    Objects.requireNonNull(user, "user");
    return signInAs(user);
  }

  /**
   * Signs in through the endpoint's user authentication URL, which decides who the user is; as
   * {@link #signIn(UserData)}, the user's own channel is left to the test.
   */
  public ReceivedEvent signIn() {
    if (!endpointAuthorized) {
      throw new IllegalStateException("signIn() asks the application's endpoint who the user is; "
          + "connected with a ChannelsClient, use signIn(UserData)");
    }
    return signInAs(null);
  }

  private ReceivedEvent signInAs(UserData user) {
    try {
      // The user's channel is left to the test, which may be checking that very step.
      return converted(subscriber.signIn(user, timeout, false));
    } catch (SocketException e) {
      throw new AssertionError("sign-in" + (user == null ? "" : " as " + user.id()) + " failed: " + e.getMessage(), e);
    }
  }

  /** Sends a client event; {@code data} is sent as JSON (a String as a JSON string). */
  public void trigger(String channel, String event, Object data) {
    try {
      subscriber.socket().sendEvent(event, channel, data);
    } catch (SocketException | IllegalArgumentException e) {
      throw new AssertionError("could not send " + event + " on " + channel + ": " + e.getMessage(), e);
    }
  }

  /** Sends a raw text frame, for protocol tests. */
  public void send(String text) {
    try {
      subscriber.socket().send(text);
    } catch (SocketException e) {
      throw new AssertionError("could not send " + text + ": " + e.getMessage(), e);
    }
  }

  /**
   * Sends {@code pusher:ping} and waits for the pong: afterwards, everything the server sent in
   * answer to earlier messages has arrived. Use it to assert that something did not happen.
   */
  public void sync() {
    send("{\"event\":\"pusher:ping\",\"data\":{}}");
    awaitEvent(e -> e.event().equals("pusher:pong"), "pusher:pong", timeout);
  }

  /** Waits for the event on the channel. */
  public ReceivedEvent awaitEvent(String channel, String event) {
    return awaitEvent(e -> event.equals(e.event()) && Objects.equals(channel, e.channel()),
        "event " + event + " on channel " + channel, timeout);
  }

  /** Waits for a connection-level event such as {@code pusher:error}. */
  public ReceivedEvent awaitEvent(String event) {
    return awaitEvent(e -> event.equals(e.event()), "event " + event, timeout);
  }

  /** Waits for a message matching the predicate; fails with the description and what did arrive. */
  public ReceivedEvent awaitEvent(Predicate<ReceivedEvent> match, String description, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (monitor) {
      while (true) {
        for (int i = 0; i < pending.size(); i++) {
          if (match.test(pending.get(i))) {
            return pending.remove(i);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || isClosed()) {
          String state = isClosed() ? " (connection " + closeStatus() + ")" : "";
          throw new AssertionError("timed out after " + wait.toMillis() + " ms waiting for " + description + state
              + "; received so far: " + summary(history));
        }
        try {
          monitor.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for " + description, e);
        }
      }
    }
  }

  /** Waits for {@code count} matching events on the channel and returns them in arrival order. */
  public List<ReceivedEvent> awaitEvents(String channel, String event, int count) {
    List<ReceivedEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = i;
      events.add(awaitEvent(e -> event.equals(e.event()) && Objects.equals(channel, e.channel()),
          "event " + event + " on channel " + channel + " (#" + (n + 1) + " of " + count + ")", timeout));
    }
    return events;
  }

  /** Every message received so far, in order, awaited or not. */
  public List<ReceivedEvent> events() {
    synchronized (monitor) {
      return List.copyOf(history);
    }
  }

  /** Every message received so far on the channel with the name. */
  public List<ReceivedEvent> events(String channel, String event) {
    return events().stream().filter(e -> event.equals(e.event()) && Objects.equals(channel, e.channel())).toList();
  }

  /** Waits until the server closes the connection and returns the close code and reason. */
  public CloseStatus awaitClose() {
    try {
      var status = subscriber.socket().closed().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new CloseStatus(status.code(), status.reason());
    } catch (TimeoutException e) {
      throw new AssertionError("the connection was not closed within " + timeout.toMillis() + " ms; received: "
          + summary(events()));
    } catch (Exception e) {
      throw new AssertionError("failed waiting for close: " + e, e);
    }
  }

  /** Whether the connection has ended. */
  public boolean isClosed() {
    Subscriber current = subscriber;
    return current != null && current.socket().closed().isDone();
  }

  /** Closes the connection (code 1000) and the client when this subscriber created it. */
  @Override
  public void close() {
    try {
      if (subscriber != null) {
        subscriber.close();
      }
    } finally {
      if (ownedClient != null) {
        ownedClient.close();
      }
    }
  }

  @Override
  public String toString() {
    Subscriber current = subscriber;
    return "TestSubscriber[" + (current == null ? "connecting" : current.socketId()) + "]";
  }

  private String closeStatus() {
    var status = subscriber.socket().closed().getNow(null);
    return status == null ? "open" : "closed: " + status.code() + " " + status.reason();
  }

  private static String summary(List<ReceivedEvent> events) {
    if (events.isEmpty()) {
      return "nothing";
    }
    int shown = Math.min(events.size(), 20);
    StringBuilder out = new StringBuilder();
    for (int i = events.size() - shown; i < events.size(); i++) {
      out.append("\n  ").append(events.get(i).raw());
    }
    if (events.size() > shown) {
      out.append("\n  (").append(events.size() - shown).append(" earlier ones not shown)");
    }
    return out.toString();
  }

  /** The kept event a protocol answer became, so subscribe's answer is taken from the pending ones. */
  private ReceivedEvent converted(SocketMessage message) {
    synchronized (monitor) {
      for (int i = 0; i < pending.size(); i++) {
        if (pending.get(i).raw() == message.raw()) {
          return pending.remove(i);
        }
      }
    }
    return toEvent(message);
  }

  /** Runs on the receiving thread, after the socket kept the message and, for the first one, before connect returns. */
  private void received(SocketMessage message) {
    ReceivedEvent event = toEvent(message);
    synchronized (monitor) {
      history.add(event);
      pending.add(event);
      if (history.size() > MAX_KEPT_EVENTS) {
        history.subList(0, history.size() / 2).clear();
      }
      if (pending.size() > MAX_KEPT_EVENTS) {
        pending.subList(0, pending.size() / 2).clear();
      }
      monitor.notifyAll();
    }
  }

  private ReceivedEvent toEvent(SocketMessage message) {
    String data = message.data();
    Subscriber current = subscriber;
    if (data != null && !message.isProtocol() && current != null && current.canDecrypt(message.channel())) {
      try {
        data = current.decrypt(message.channel(), data);
      } catch (RuntimeException undecryptable) {
        // Kept as it came: a test of a bad envelope can still see it.
      }
    }
    return new ReceivedEvent(message.event(), message.channel(), data, message.userId(), message.raw());
  }

  /** The close code and reason the server sent. */
  public record CloseStatus(int code, String reason) {}
}
