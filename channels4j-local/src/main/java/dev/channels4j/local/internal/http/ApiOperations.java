package dev.channels4j.local.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.local.Limits;
import dev.channels4j.local.internal.Json;
import dev.channels4j.local.internal.state.AppState;
import dev.channels4j.local.internal.state.ChannelKind;
import dev.channels4j.local.internal.state.ChannelNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The operations of the HTTP API, on an authenticated request. Each returns the JSON response body. */
final class ApiOperations {
  private static final Pattern SOCKET_ID = Pattern.compile("\\d+\\.\\d+");
  private static final Set<String> TRIGGER_INFO = Set.of("user_count", "subscription_count");
  private static final Set<String> CHANNELS_INFO = Set.of("user_count", "subscription_count");
  private static final Set<String> CHANNEL_INFO = Set.of("user_count", "subscription_count", "cache");

  /** One validated event, ready to publish. */
  private record Publish(String name, String data, List<String> channels, String socketId, Set<String> info) {}

  String trigger(AppState app, String body) {
    JsonNode json = parseObject(body);
    Publish event = parseEvent(app.settings().limits(), json, "", true);
    app.publish(event.channels, event.name, event.data, event.socketId);
    if (event.info.isEmpty()) {
      return "{}";
    }
    ObjectNode response = Json.object();
    ObjectNode channels = response.putObject("channels");
    for (String channel : event.channels) {
      channels.set(channel, counts(app, channel, event.info));
    }
    return Json.write(response);
  }

  String batch(AppState app, String body) {
    JsonNode json = parseObject(body);
    JsonNode batch = json.get("batch");
    if (batch == null || !batch.isArray()) {
      throw ApiError.badRequest("batch must be an array of events: {\"batch\":[{\"channel\":..,\"name\":..,\"data\":..}]}");
    }
    Limits limits = app.settings().limits();
    if (batch.size() > limits.maxBatchSize()) {
      throw ApiError.badRequest("Batch too large: " + batch.size() + " events, at most " + limits.maxBatchSize()
          + " are allowed in one batch");
    }
    List<Publish> events = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      JsonNode item = batch.get(i);
      if (!item.isObject()) {
        throw ApiError.badRequest("batch[" + i + "] must be an object");
      }
      events.add(parseEvent(limits, item, "batch[" + i + "].", false));
    }
    boolean anyInfo = false;
    for (Publish event : events) {
      app.publish(event.channels, event.name, event.data, event.socketId);
      anyInfo |= !event.info.isEmpty();
    }
    if (!anyInfo) {
      return "{}";
    }
    ObjectNode response = Json.object();
    ArrayNode results = response.putArray("batch");
    for (Publish event : events) {
      results.add(event.info.isEmpty() ? Json.object() : counts(app, event.channels.get(0), event.info));
    }
    return Json.write(response);
  }

  private static ObjectNode counts(AppState app, String channel, Set<String> info) {
    ObjectNode counts = Json.object();
    Optional<AppState.ChannelView> view = app.channel(channel);
    boolean presence = ChannelKind.of(channel) == ChannelKind.PRESENCE;
    if (info.contains("user_count") && presence) {
      counts.put("user_count", view.map(AppState.ChannelView::userCount).orElse(0));
    }
    if (info.contains("subscription_count")) {
      counts.put("subscription_count", view.map(AppState.ChannelView::subscriptionCount).orElse(0));
    }
    return counts;
  }

  private static Publish parseEvent(Limits limits, JsonNode json, String where, boolean multiChannel) {
    JsonNode name = json.get("name");
    if (name == null || !name.isTextual() || name.asText().isEmpty()) {
      throw ApiError.badRequest(where + "name is required: a non-empty string");
    }
    if (name.asText().length() > limits.maxEventNameLength()) {
      throw ApiError.badRequest(where + "name is too long: " + name.asText().length() + " characters, the limit is "
          + limits.maxEventNameLength());
    }
    JsonNode data = json.get("data");
    if (data == null || data.isNull()) {
      throw ApiError.badRequest(where + "data is required");
    }
    if (!data.isTextual()) {
      throw ApiError.badRequest(where + "data must be a string: JSON-encode objects before sending them");
    }
    List<String> channels = new ArrayList<>();
    JsonNode many = json.get("channels");
    JsonNode one = json.get("channel");
    if (many != null && one != null) {
      throw ApiError.badRequest(where + "give either channel or channels, not both");
    }
    if (many != null) {
      if (!multiChannel) {
        throw ApiError.badRequest(where + "a batch event takes one channel: use \"channel\", not \"channels\"");
      }
      if (!many.isArray()) {
        throw ApiError.badRequest(where + "channels must be an array of channel names");
      }
      many.forEach(c -> channels.add(c.isTextual() ? c.asText() : null));
    } else if (one != null) {
      channels.add(one.isTextual() ? one.asText() : null);
    }
    if (channels.isEmpty()) {
      throw ApiError.badRequest(where + (multiChannel ? "channels is required: an array of 1 to "
          + limits.maxChannelsPerTrigger() + " channel names" : "channel is required"));
    }
    if (channels.size() > limits.maxChannelsPerTrigger()) {
      throw ApiError.badRequest(where + "too many channels: " + channels.size() + ", at most "
          + limits.maxChannelsPerTrigger() + " are allowed in one trigger");
    }
    for (String channel : channels) {
      if (channel == null) {
        throw ApiError.badRequest(where + "channel names must be strings");
      }
      String problem = ChannelNames.problem(channel, limits.maxChannelNameLength());
      if (problem != null) {
        throw ApiError.badRequest(where + problem);
      }
      if (channels.size() > 1 && ChannelKind.of(channel) == ChannelKind.ENCRYPTED) {
        throw ApiError.badRequest(where + "Cannot trigger to multiple channels when one is encrypted ("
            + channel + "): trigger an encrypted channel on its own");
      }
    }
    String socketId = null;
    JsonNode socket = json.get("socket_id");
    if (socket != null && !socket.isNull()) {
      if (!socket.isTextual() || !SOCKET_ID.matcher(socket.asText()).matches()) {
        throw ApiError.badRequest(where + "Invalid socket_id " + socket + ": expected digits.digits such as 123.456");
      }
      socketId = socket.asText();
    }
    Set<String> info = Set.of();
    JsonNode infoNode = json.get("info");
    if (infoNode != null && !infoNode.isNull()) {
      if (!infoNode.isTextual()) {
        throw ApiError.badRequest(where + "info must be a comma-separated string such as user_count,subscription_count");
      }
      info = attributes(infoNode.asText(), TRIGGER_INFO);
    }
    checkUnicode(where, "name", name.asText());
    checkUnicode(where, "data", data.asText());
    int size = data.asText().getBytes(StandardCharsets.UTF_8).length;
    if (size > limits.maxDataBytes()) {
      String what = where.isEmpty() ? "the event data" : where + "data";
      throw ApiError.tooLarge("Request Entity Too Large: " + what + " is " + size + " bytes, the limit is "
          + limits.maxDataBytes() + " bytes");
    }
    // Pusher's docs do not say what a repeated name does; its response has one entry per unique
    // channel, so each channel gets (and records) the event once. The checks above see the names as sent.
    return new Publish(name.asText(), data.asText(), List.copyOf(new LinkedHashSet<>(channels)), socketId, info);
  }

  String channels(AppState app, Map<String, String> params) {
    String prefix = params.get("filter_by_prefix");
    Set<String> info = attributes(params.get("info"), CHANNELS_INFO);
    if (info.contains("user_count") && (prefix == null || !prefix.startsWith("presence-"))) {
      throw ApiError.badRequest("user_count may only be requested for presence channels - please supply"
          + " filter_by_prefix beginning with presence-");
    }
    ObjectNode response = Json.object();
    ObjectNode channels = response.putObject("channels");
    for (AppState.ChannelView view : app.occupied(prefix)) {
      ObjectNode entry = channels.putObject(view.name());
      if (info.contains("user_count")) {
        entry.put("user_count", view.userCount());
      }
      if (info.contains("subscription_count")) {
        entry.put("subscription_count", view.subscriptionCount());
      }
    }
    return Json.write(response);
  }

  String channel(AppState app, String channel, Map<String, String> params) {
    checkChannel(app, channel);
    Set<String> info = attributes(params.get("info"), CHANNEL_INFO);
    if (info.contains("user_count") && ChannelKind.of(channel) != ChannelKind.PRESENCE) {
      throw ApiError.badRequest("Cannot retrieve the user count unless the channel is a presence channel");
    }
    if (info.contains("cache") && !ChannelKind.isCache(channel)) {
      throw ApiError.badRequest("Cannot retrieve the cache unless the channel is a cache channel");
    }
    Optional<AppState.ChannelView> view = app.channel(channel);
    ObjectNode response = Json.object().put("occupied", view.isPresent());
    if (info.contains("user_count")) {
      response.put("user_count", view.map(AppState.ChannelView::userCount).orElse(0));
    }
    if (info.contains("subscription_count")) {
      response.put("subscription_count", view.map(AppState.ChannelView::subscriptionCount).orElse(0));
    }
    if (info.contains("cache")) {
      app.cache(channel).ifPresent(cached -> {
        long ttl = Math.max(0, cached.expiresAt().getEpochSecond() - app.settings().clock().instant().getEpochSecond());
        response.putObject("cache").put("data", cached.data()).put("ttl", ttl);
      });
    }
    return Json.write(response);
  }

  String users(AppState app, String channel) {
    checkChannel(app, channel);
    if (ChannelKind.of(channel) != ChannelKind.PRESENCE) {
      throw ApiError.badRequest("Cannot retrieve the user list unless the channel is a presence channel");
    }
    ObjectNode response = Json.object();
    ArrayNode users = response.putArray("users");
    app.members(channel).keySet().forEach(id -> users.addObject().put("id", id));
    return Json.write(response);
  }

  String terminate(AppState app, String userId) {
    if (userId.isBlank()) {
      throw ApiError.badRequest("user id must not be empty");
    }
    app.terminate(userId);
    return "{}";
  }

  private static void checkChannel(AppState app, String channel) {
    String problem = ChannelNames.problem(channel, app.settings().limits().maxChannelNameLength());
    if (problem != null) {
      throw ApiError.badRequest(problem);
    }
  }

  private static Set<String> attributes(String info, Set<String> allowed) {
    Set<String> attributes = new LinkedHashSet<>();
    if (info == null || info.isBlank()) {
      return attributes;
    }
    for (String part : info.split(",")) {
      String attribute = part.trim();
      if (attribute.isEmpty()) {
        continue;
      }
      if (!allowed.contains(attribute)) {
        throw ApiError.badRequest("Unknown info attribute " + attribute + ": allowed here are " + String.join(", ",
            allowed.stream().sorted().toList()));
      }
      attributes.add(attribute);
    }
    return attributes;
  }

  private static JsonNode parseObject(String body) {
    if (body.isEmpty()) {
      throw ApiError.badRequest("The request needs a JSON body");
    }
    JsonNode json = Json.parseOrNull(body);
    if (json == null || !json.isObject()) {
      throw ApiError.badRequest("The body must be one JSON object, with nothing after it");
    }
    return json;
  }

  private static void checkUnicode(String where, String field, String value) {
    int at = Strict.loneSurrogate(value);
    if (at >= 0) {
      throw ApiError.badRequest(where + field + " holds an unpaired surrogate (\\u"
          + Integer.toHexString(value.charAt(at)) + ") at index " + at + ": it is not valid Unicode");
    }
  }
}
