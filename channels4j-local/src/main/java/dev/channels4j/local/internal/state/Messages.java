package dev.channels4j.local.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.local.internal.Json;

/** The server-to-client messages of protocol 7. Every message carries {@code data}. */
public final class Messages {
  private static final String EMPTY = "{}";

  private Messages() {}

  public static String connectionEstablished(String socketId, long activityTimeoutSeconds) {
    ObjectNode data = Json.object().put("socket_id", socketId).put("activity_timeout", activityTimeoutSeconds);
    return message("pusher:connection_established", null, Json.write(data));
  }

  public static String ping() {
    return message("pusher:ping", null, EMPTY);
  }

  public static String pong() {
    return message("pusher:pong", null, EMPTY);
  }

  /** {@code pusher:error}; data as an object, as the protocol documents it. */
  public static String error(Integer code, String text, String channel) {
    ObjectNode msg = Json.object().put("event", "pusher:error");
    if (channel != null) {
      msg.put("channel", channel);
    }
    ObjectNode data = msg.putObject("data");
    if (code == null) {
      data.putNull("code");
    } else {
      data.put("code", code);
    }
    data.put("message", text);
    return Json.write(msg);
  }

  public static String subscriptionSucceeded(String channel, String data) {
    return message("pusher_internal:subscription_succeeded", channel, data == null ? EMPTY : data);
  }

  public static String cacheMiss(String channel) {
    return message("pusher:cache_miss", channel, EMPTY);
  }

  public static String subscriptionCount(String channel, int count) {
    return message("pusher_internal:subscription_count", channel,
        Json.write(Json.object().put("subscription_count", count)));
  }

  public static String memberAdded(String channel, String userId, JsonNode userInfo) {
    ObjectNode data = Json.object().put("user_id", userId);
    data.set("user_info", userInfo);
    return message("pusher_internal:member_added", channel, Json.write(data));
  }

  public static String memberRemoved(String channel, String userId) {
    return message("pusher_internal:member_removed", channel, Json.write(Json.object().put("user_id", userId)));
  }

  public static String signinSuccess(String userData) {
    ObjectNode msg = Json.object().put("event", "pusher:signin_success");
    msg.putObject("data").put("user_data", userData);
    return Json.write(msg);
  }

  /** A channel event; {@code data} as the publisher gave it (string, or any JSON from a client). */
  public static String event(String event, String channel, JsonNode data, String userId) {
    ObjectNode msg = Json.object().put("event", event).put("channel", channel);
    msg.set("data", data);
    if (userId != null) {
      msg.put("user_id", userId);
    }
    return Json.write(msg);
  }

  public static String event(String event, String channel, String data) {
    return message(event, channel, data);
  }

  public static String watchlistEvents(JsonNode events) {
    ObjectNode data = Json.object();
    data.set("events", events);
    return message("pusher_internal:watchlist_events", null, Json.write(data));
  }

  private static String message(String event, String channel, String data) {
    ObjectNode msg = Json.object().put("event", event);
    if (channel != null) {
      msg.put("channel", channel);
    }
    msg.put("data", data);
    return Json.write(msg);
  }
}
