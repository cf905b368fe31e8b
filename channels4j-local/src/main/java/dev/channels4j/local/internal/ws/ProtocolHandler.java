package dev.channels4j.local.internal.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.channels4j.internal.signing.AuthSignatures;
import dev.channels4j.internal.signing.Hashing;
import dev.channels4j.internal.socket.CloseCodes;
import dev.channels4j.local.Limits;
import dev.channels4j.local.internal.Json;
import dev.channels4j.local.internal.state.AppState;
import dev.channels4j.local.internal.state.ChannelKind;
import dev.channels4j.local.internal.state.ChannelNames;
import dev.channels4j.local.internal.state.Connection;
import dev.channels4j.local.internal.state.Messages;
import dev.channels4j.local.internal.state.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client-to-server half of protocol 7 for one connection: parses each message, checks it
 * (shape, channel names, authorization signatures through the core library's
 * {@link AuthSignatures}), and hands the state change to {@link AppState}. Anything wrong gets a
 * {@code pusher:error} and never reaches the state; the connection stays open unless the protocol
 * says to close it.
 */
final class ProtocolHandler {
  private final AppState app;
  private final Connection connection;
  private final AuthSignatures signatures;
  private final Limits limits;

  ProtocolHandler(AppState app, Connection connection) {
    this.app = app;
    this.connection = connection;
    this.signatures = new AuthSignatures(app.app().key(), app.app().secret());
    this.limits = app.settings().limits();
  }

  void onMessage(String text) {
    JsonNode message = Json.parseOrNull(text);
    if (message == null || !message.isObject() || !message.path("event").isTextual()) {
      error(null, "Invalid message: expected a JSON object with a string \"event\" field", null);
      return;
    }
    String event = message.get("event").asText();
    switch (event) {
      case "pusher:ping" -> connection.send(Messages.pong());
      case "pusher:pong" -> { }
      case "pusher:subscribe" -> subscribe(data(message));
      case "pusher:unsubscribe" -> unsubscribe(data(message));
      case "pusher:signin" -> signIn(data(message));
      default -> {
        if (event.startsWith("client-")) {
          clientEvent(message, event);
        } else if (event.startsWith("pusher:") || event.startsWith("pusher_internal:")) {
          error(null, "Unsupported event " + event, null);
        } else {
          error(null, "Unknown event " + event + ": events sent by clients must be pusher: protocol events"
              + " or client events named client-...", null);
        }
      }
    }
  }

  void refuseBinary() {
    error(null, "Binary messages are not supported: send JSON as text frames", null);
  }

  /** The {@code data} of a protocol message: an object, or a string holding one. */
  private static JsonNode data(JsonNode message) {
    JsonNode data = message.get("data");
    if (data != null && data.isTextual()) {
      JsonNode parsed = Json.parseOrNull(data.asText());
      return parsed != null && parsed.isObject() ? parsed : null;
    }
    return data != null && data.isObject() ? data : null;
  }

  private void subscribe(JsonNode data) {
    String channel = data == null ? null : text(data, "channel");
    if (channel == null) {
      error(null, "pusher:subscribe needs data.channel, the channel name", null);
      return;
    }
    String problem = ChannelNames.problem(channel, limits.maxChannelNameLength());
    if (problem != null) {
      error(null, problem, channel);
      return;
    }
    ChannelKind kind = ChannelKind.of(channel);
    String userId = null;
    JsonNode userInfo = null;
    if (kind.needsAuth()) {
      String auth = text(data, "auth");
      if (auth == null) {
        error(null, "Subscribing to " + channel + " needs data.auth, the signature from your auth endpoint", channel);
        return;
      }
      String channelData = null;
      String expected;
      String signed;
      if (kind == ChannelKind.PRESENCE) {
        channelData = text(data, "channel_data");
        if (channelData == null) {
          error(null, "Subscribing to presence channel " + channel + " needs data.channel_data, the JSON string"
              + " your auth endpoint signed", channel);
          return;
        }
        signed = connection.socketId() + ":" + channel + ":" + channelData;
        expected = signatures.presenceChannel(connection.socketId(), channel, channelData);
      } else {
        signed = connection.socketId() + ":" + channel;
        expected = signatures.privateChannel(connection.socketId(), channel);
      }
      if (!Hashing.constantTimeEquals(expected, auth)) {
        error(null, "Invalid signature: Expected HMAC SHA256 hex digest of " + signed + ", but got " + auth, channel);
        return;
      }
      if (kind == ChannelKind.PRESENCE) {
        JsonNode member = Json.parseOrNull(channelData);
        userId = member == null || !member.isObject() ? null : Json.idText(member.get("user_id"));
        if (userId == null || userId.isEmpty()) {
          error(null, "channel_data must be a JSON object with a non-empty string user_id", channel);
          return;
        }
        if (userId.length() > limits.maxUserIdLength()) {
          error(null, "user_id is too long: " + userId.length() + " characters, the limit is "
              + limits.maxUserIdLength(), channel);
          return;
        }
        userInfo = member.get("user_info");
        if (userInfo == null || userInfo.isNull()) {
          userInfo = Json.object();
        }
        int infoBytes = Json.write(userInfo).getBytes(StandardCharsets.UTF_8).length;
        if (infoBytes > limits.maxUserInfoBytes()) {
          error(null, "user_info is too large: " + infoBytes + " bytes, the limit is " + limits.maxUserInfoBytes(),
              channel);
          return;
        }
      }
    }
    Refusal refusal = app.subscribe(connection, channel, userId, userInfo);
    if (refusal != null) {
      refuse(refusal, channel);
    }
  }

  private void unsubscribe(JsonNode data) {
    String channel = data == null ? null : text(data, "channel");
    if (channel == null) {
      error(null, "pusher:unsubscribe needs data.channel, the channel name", null);
      return;
    }
    app.unsubscribe(connection, channel);
  }

  private void signIn(JsonNode data) {
    if (!app.app().userAuthentication()) {
      error(null, "User authentication (pusher:signin) is not enabled for this app", null);
      return;
    }
    String auth = data == null ? null : text(data, "auth");
    String userData = data == null ? null : text(data, "user_data");
    if (auth == null || userData == null) {
      closeWith(CloseCodes.UNAUTHORIZED, "pusher:signin needs data.auth and data.user_data from your user authentication endpoint");
      return;
    }
    String expected = signatures.user(connection.socketId(), userData);
    if (!Hashing.constantTimeEquals(expected, auth)) {
      closeWith(CloseCodes.UNAUTHORIZED, "Invalid signature: Expected HMAC SHA256 hex digest of " + connection.socketId() + "::user::"
          + userData + ", but got " + auth);
      return;
    }
    JsonNode user = Json.parseOrNull(userData);
    String id = user == null || !user.isObject() || !user.path("id").isTextual() ? null : user.get("id").asText();
    if (id == null || id.isEmpty()) {
      closeWith(CloseCodes.UNAUTHORIZED, "user_data must be a JSON object with a non-empty string id");
      return;
    }
    List<String> watchlist = new ArrayList<>();
    JsonNode list = user.get("watchlist");
    boolean truncated = false;
    if (list != null && list.isArray()) {
      for (JsonNode watched : list) {
        String watchedId = Json.idText(watched);
        if (watchedId == null) {
          continue;
        }
        if (watchlist.size() >= limits.maxWatchlistSize()) {
          truncated = true;
          break;
        }
        watchlist.add(watchedId);
      }
    }
    Refusal refusal = app.signIn(connection, id, userData, watchlist);
    if (refusal != null) {
      refuse(refusal, null);
      return;
    }
    if (truncated) {
      error(CloseCodes.WATCHLIST_LIMIT, "Watchlist limit exceeded: only the first " + limits.maxWatchlistSize() + " user ids are watched",
          null);
    }
  }

  private void clientEvent(JsonNode message, String event) {
    String channel = text(message, "channel");
    if (channel == null) {
      error(null, "Client event " + event + " needs a channel", null);
      return;
    }
    if (!app.app().clientEvents()) {
      error(null, "To send client events, you must enable this feature in the Settings of your app", channel);
      return;
    }
    ChannelKind kind = ChannelKind.of(channel);
    if (kind == ChannelKind.ENCRYPTED) {
      error(null, "Client events are not supported on encrypted channels (" + channel + ")", channel);
      return;
    }
    if (kind != ChannelKind.PRIVATE && kind != ChannelKind.PRESENCE) {
      error(null, "Client events are only allowed on private and presence channels, not on " + channel, channel);
      return;
    }
    if (event.length() > limits.maxEventNameLength()) {
      error(null, "Event name is too long: " + event.length() + " characters, the limit is "
          + limits.maxEventNameLength(), channel);
      return;
    }
    JsonNode data = message.get("data");
    if (data == null) {
      data = Json.object();
    }
    int size = (data.isTextual() ? data.asText() : Json.write(data)).getBytes(StandardCharsets.UTF_8).length;
    if (size > limits.maxDataBytes()) {
      error(null, "Client event rejected: data is " + size + " bytes, the limit is " + limits.maxDataBytes(), channel);
      return;
    }
    Refusal refusal = app.clientEvent(connection, channel, event, data);
    if (refusal != null) {
      refuse(refusal, channel);
    }
  }

  private void refuse(Refusal refusal, String channel) {
    if (refusal.close()) {
      closeWith(refusal.code(), refusal.message());
    } else {
      error(refusal.code(), refusal.message(), channel);
    }
  }

  private void error(Integer code, String message, String channel) {
    connection.send(Messages.error(code, message, channel));
  }

  private void closeWith(int code, String message) {
    connection.send(Messages.error(code, message, null));
    // A close reason is limited to 123 bytes; the full text went in pusher:error.
    connection.close(code, message.length() > 100 ? message.substring(0, 100) : message);
    app.closed(connection);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }
}
