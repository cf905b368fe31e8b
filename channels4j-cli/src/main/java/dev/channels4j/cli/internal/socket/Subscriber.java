package dev.channels4j.cli.internal.socket;

import dev.channels4j.ChannelType;
import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import dev.channels4j.cli.Connection;
import dev.channels4j.cli.Json;
import dev.channels4j.internal.crypto.ChannelEncryption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link PusherSocket} that behaves like a browser with an app behind it: it authorizes private,
 * presence and encrypted subscriptions and user sign-ins with the app's own credentials (as the
 * app's auth endpoint would) and decrypts the events of encrypted channels.
 *
 * <pre>{@code
 * try (Subscriber alice = Subscriber.connect(app, client, Main.version(), Duration.ofSeconds(5), m -> {})) {
 *   alice.subscribe("private-encrypted-payments", null, Duration.ofSeconds(3));
 *   alice.decrypt("private-encrypted-payments", message.data());
 * }
 * }</pre>
 */
public final class Subscriber implements AutoCloseable {
  private static final String CLIENT_NAME = "channels4j-cli";

  private final PusherSocket socket;
  private final ChannelsClient client;
  private final ChannelEncryption encryption;

  private Subscriber(PusherSocket socket, ChannelsClient client, ChannelEncryption encryption) {
    this.socket = socket;
    this.client = client;
    this.encryption = encryption;
  }

  /**
   * Connects to the app's WebSocket endpoint.
   *
   * @param client the app's client, used to sign subscriptions (not closed here)
   */
  public static Subscriber connect(
      Connection app, ChannelsClient client, String version, Duration timeout, Consumer<SocketMessage> listener) {
    PusherSocket socket = PusherSocket.connect(app.webSocketUri(CLIENT_NAME, version), timeout, listener);
    ChannelEncryption encryption = app.encryptionMasterKey() == null
        ? null
        : new ChannelEncryption(Base64.getDecoder().decode(app.encryptionMasterKey().trim()));
    return new Subscriber(socket, client, encryption);
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
   * @param member who joins, for presence channels; ignored otherwise
   * @return the {@code subscription_succeeded} message (for presence channels its data lists the members)
   * @throws SocketException naming the server's refusal, or saying no answer came in time
   */
  public SocketMessage subscribe(String channel, PresenceMember member, Duration timeout) {
    int mark = socket.mark();
    if (ChannelType.of(channel) == ChannelType.PRESENCE) {
      Map<?, ?> auth = object(client.authorizePresenceChannel(socket.socketId(), channel, member));
      socket.subscribe(channel, (String) auth.get("auth"), (String) auth.get("channel_data"));
    } else if (ChannelType.of(channel).requiresAuthorization()) {
      Map<?, ?> auth = object(client.authorizeChannel(socket.socketId(), channel));
      socket.subscribe(channel, (String) auth.get("auth"), null);
    } else {
      socket.subscribe(channel, null, null);
    }
    SocketMessage answer = socket.await(mark, message ->
            message.is("pusher_internal:subscription_succeeded", channel)
                || message.is("pusher:subscription_error", channel)
                || message.event().equals("pusher:error"),
            timeout)
        .orElseThrow(() -> new SocketException(
            "no answer to the subscription to " + channel + " within " + timeout.toMillis() + " ms"
                + socket.closed().getNow("").transform(why -> why.isEmpty() ? "" : " (" + why + ")"), null));
    if (!answer.event().equals("pusher_internal:subscription_succeeded")) {
      throw new SocketException("the server refused the subscription to " + channel + ": " + answer.data(), null);
    }
    return answer;
  }

  /**
   * Signs in as {@code user}, then subscribes to the user's own channel so that events sent with
   * {@code sendToUser} arrive.
   */
  public void signIn(UserData user, Duration timeout) {
    int mark = socket.mark();
    Map<?, ?> auth = object(client.authenticateUser(socket.socketId(), user));
    socket.signIn((String) auth.get("auth"), (String) auth.get("user_data"));
    SocketMessage answer = socket.await(mark, message ->
            message.event().equals("pusher:signin_success") || message.event().equals("pusher:error"),
            timeout)
        .orElseThrow(() -> new SocketException("no answer to the sign-in within " + timeout.toMillis() + " ms", null));
    if (!answer.event().equals("pusher:signin_success")) {
      throw new SocketException("the server refused the sign-in of user " + user.id() + ": " + answer.data(), null);
    }
    subscribe(ChannelType.SERVER_TO_USER.prefix() + user.id(), null, timeout);
  }

  /** Whether events of this channel arrive encrypted. */
  public static boolean isEncrypted(String channel) {
    return channel != null && ChannelType.of(channel) == ChannelType.PRIVATE_ENCRYPTED;
  }

  /** The plaintext of an encrypted channel's event data {@code {"nonce":..,"ciphertext":..}}. */
  public String decrypt(String channel, String data) {
    if (encryption == null) {
      throw new SocketException("cannot decrypt events of " + channel + ": no encryption master key is configured", null);
    }
    Map<?, ?> envelope = object(data);
    if (!(envelope.get("nonce") instanceof String nonce) || !(envelope.get("ciphertext") instanceof String ciphertext)) {
      throw new SocketException("event data on " + channel + " is not an encrypted envelope {nonce, ciphertext}", null);
    }
    try {
      return new String(encryption.decrypt(channel, nonce, ciphertext), StandardCharsets.UTF_8);
    } catch (ChannelEncryption.DecryptionException e) {
      throw new SocketException("cannot decrypt an event of " + channel + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    socket.close();
  }

  private static Map<?, ?> object(String json) {
    if (Json.parse(json) instanceof Map<?, ?> map) {
      return map;
    }
    throw new SocketException("expected a JSON object, got " + json, null);
  }
}
