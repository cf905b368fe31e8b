package dev.channels4j.protocol;

import dev.channels4j.protocol.internal.Json;
import dev.channels4j.ChannelType;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import dev.channels4j.internal.crypto.ChannelEncryption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link PusherSocket} that behaves like a browser with an app behind it: it authorizes private,
 * presence and encrypted subscriptions and user sign-ins through an {@link Authorizer} (the app's
 * credentials, or the app's own auth endpoint) and decrypts the events of encrypted channels with
 * the {@code shared_secret} their authorization returned, as pusher-js does.
 *
 * <pre>{@code
 * try (Subscriber alice = Subscriber.connect(uri, Authorizer.of(client), Duration.ofSeconds(5), m -> {})) {
 *   alice.subscribe("private-encrypted-payments", null, Duration.ofSeconds(3));
 *   String plain = alice.decrypt("private-encrypted-payments", message.data());
 * }
 * }</pre>
 */
public final class Subscriber implements AutoCloseable {
  private final PusherSocket socket;
  private final Authorizer authorizer;
  private final Map<String, byte[]> sharedSecrets = new ConcurrentHashMap<>();

  private Subscriber(PusherSocket socket, Authorizer authorizer) {
    this.socket = socket;
    this.authorizer = authorizer;
  }

  /**
   * Connects to a Channels WebSocket endpoint ({@code ws://host:port/app/<key>?protocol=7}).
   *
   * @param listener called on the receiving thread for every message (see {@link PusherSocket#connect})
   * @throws SocketException when the server cannot be reached or refuses the connection
   */
  public static Subscriber connect(URI uri, Authorizer authorizer, Duration timeout, Consumer<SocketMessage> listener) {
    return connect(uri, null, authorizer, timeout, listener);
  }

  /** As above, over {@code wss://} with the given trust (null: the JVM's default). */
  public static Subscriber connect(URI uri, javax.net.ssl.SSLContext sslContext, Authorizer authorizer, Duration timeout,
      Consumer<SocketMessage> listener) {
    return new Subscriber(PusherSocket.connect(uri, sslContext, timeout, listener),
        authorizer == null ? Authorizer.NONE : authorizer);
  }

  public String socketId() {
    return socket.socketId();
  }

  public PusherSocket socket() {
    return socket;
  }

  /**
   * Subscribes to a channel, authorizing it when it is private or presence, and waits for the
   * server's answer.
   *
   * @param member who joins, for presence channels authorized by a client; ignored otherwise
   * @return the {@code subscription_succeeded} message (for presence channels its data lists the members)
   * @throws SocketException naming the server's refusal, or saying no answer came in time
   */
  public SocketMessage subscribe(String channel, PresenceMember member, Duration timeout) {
    if (isEncrypted(channel)) {
      // Before subscribing: without Bouncy Castle its events could not be read.
      ChannelEncryption.requireBouncyCastle(channel);
    }
    int mark = socket.mark();
    ChannelType type = ChannelType.of(channel);
    if (type.requiresAuthorization()) {
      AuthAnswer answer = authorizer.channel(socket.socketId(), channel, member);
      if (answer.sharedSecret() != null) {
        try {
          sharedSecrets.put(channel, Base64.getDecoder().decode(answer.sharedSecret()));
        } catch (IllegalArgumentException e) {
          throw new SocketException("the shared_secret of " + channel + " is not base64", e);
        }
      }
      socket.subscribe(channel, answer.auth(), type == ChannelType.PRESENCE ? answer.channelData() : null);
    } else {
      socket.subscribe(channel, null, null);
    }
    SocketMessage answer = socket.await(mark, message ->
            message.is("pusher_internal:subscription_succeeded", channel)
                || message.is("pusher:subscription_error", channel)
                || message.event().equals("pusher:error") && (message.channel() == null || message.channel().equals(channel)),
            timeout)
        .orElseThrow(() -> new SocketException(
            "no answer to the subscription to " + channel + " within " + timeout.toMillis() + " ms"
                + (socket.closed().isDone() ? " (" + socket.closed().join().describe() + ")" : ""), null));
    if (!answer.event().equals("pusher_internal:subscription_succeeded")) {
      throw new SocketException("the server refused the subscription to " + channel + ": " + answer.data(), null);
    }
    return answer;
  }

  /**
   * Signs in and, as pusher-js does, subscribes to the user's own channel so that events sent with
   * {@code sendToUser} arrive.
   *
   * @param user who signs in, when authorized by a client; an endpoint decides that itself (may be null)
   * @return the {@code pusher:signin_success} message
   */
  public SocketMessage signIn(UserData user, Duration timeout) {
    return signIn(user, timeout, true);
  }

  /**
   * Signs in.
   *
   * @param joinUserChannel whether to subscribe to {@code #server-to-user-<id>} afterwards, as
   *     pusher-js does; a test that checks that step itself says no
   */
  public SocketMessage signIn(UserData user, Duration timeout, boolean joinUserChannel) {
    int mark = socket.mark();
    AuthAnswer auth = authorizer.user(socket.socketId(), user);
    socket.signIn(auth.auth(), auth.userData());
    SocketMessage answer = socket.await(mark, message ->
            message.event().equals("pusher:signin_success") || message.event().equals("pusher:error"),
            timeout)
        .orElseThrow(() -> new SocketException("no answer to the sign-in within " + timeout.toMillis() + " ms", null));
    if (!answer.event().equals("pusher:signin_success")) {
      throw new SocketException("the server refused the sign-in" + (user == null ? "" : " of user " + user.id())
          + ": " + answer.data(), null);
    }
    String userId = userId(auth.userData());
    if (joinUserChannel && userId != null) {
      subscribe(ChannelType.SERVER_TO_USER.prefix() + userId, null, timeout);
    }
    return answer;
  }

  /** Whether events of this channel arrive encrypted. */
  public static boolean isEncrypted(String channel) {
    return channel != null && ChannelType.of(channel) == ChannelType.PRIVATE_ENCRYPTED;
  }

  /** Whether this subscriber holds the shared secret of the channel (it subscribed to it). */
  public boolean canDecrypt(String channel) {
    return channel != null && sharedSecrets.containsKey(channel);
  }

  /**
   * The plaintext of an encrypted channel's event data {@code {"nonce":..,"ciphertext":..}}, opened
   * with the channel's shared secret.
   *
   * @throws SocketException when this subscriber has no secret for the channel, or the data does not open
   * @throws dev.channels4j.ValidationException when Bouncy Castle is not on the class path
   */
  public String decrypt(String channel, String data) {
    byte[] secret = sharedSecrets.get(channel);
    if (secret == null) {
      throw new SocketException("cannot decrypt events of " + channel + ": its authorization carried no shared_secret"
          + " (subscribe to it first; the app needs an encryption master key)", null);
    }
    Map<?, ?> envelope = Json.objectOrNull(data);
    if (envelope == null || !(envelope.get("nonce") instanceof String nonce)
        || !(envelope.get("ciphertext") instanceof String ciphertext)) {
      throw new SocketException("event data on " + channel + " is not an encrypted envelope {nonce, ciphertext}", null);
    }
    try {
      return new String(ChannelEncryption.decryptWithSharedSecret(secret, nonce, ciphertext), StandardCharsets.UTF_8);
    } catch (ChannelEncryption.DecryptionException e) {
      throw new SocketException("cannot decrypt an event of " + channel + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    socket.close();
  }

  private static String userId(String userData) {
    Map<?, ?> user = Json.objectOrNull(userData);
    Object id = user == null ? null : user.get("id");
    return id == null ? null : String.valueOf(id);
  }
}
