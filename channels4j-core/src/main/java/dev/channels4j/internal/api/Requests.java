package dev.channels4j.internal.api;

import dev.channels4j.ChannelType;
import dev.channels4j.ChannelsQuery;
import dev.channels4j.Event;
import dev.channels4j.Trigger;
import dev.channels4j.ValidationException;
import dev.channels4j.internal.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the request of each operation: validates every input, encodes the data, and serializes
 * the body once, so the bytes that are signed are the bytes that are sent.
 */
public final class Requests {
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  private final String appPath;
  private final EventEncoder encoder;
  private final int maxBatchSize;

  public Requests(ClientSettings settings) {
    this.appPath = "/apps/" + settings.appId();
    this.encoder = new EventEncoder(settings.codec(), settings.encryption(), settings.maxDataBytes());
    this.maxBatchSize = settings.maxBatchSize();
  }

  /** {@code POST /events}. */
  public ApiRequest trigger(Trigger trigger) {
    if (trigger == null) {
      throw new ValidationException("trigger must not be null");
    }
    List<String> channels = trigger.channels();
    Validation.channels(channels);
    Validation.eventName(trigger.event());
    trigger.socketId().ifPresent(Validation::socketId);
    if (Validation.isEncrypted(channels.get(0))) {
      encoder.requireEncryption(channels.get(0));
    }
    String data = encoder.dataFor(channels.get(0), trigger.data(), "event");
    return eventsRequest(channels, trigger.event(), data, trigger.socketId().orElse(null), trigger.info().orElse(null));
  }

  /** {@code POST /events} on {@code #server-to-user-<userId>}. */
  public ApiRequest sendToUser(String userId, String event, Object data) {
    Validation.addressableUserId(userId);
    Validation.eventName(event);
    String channel = Validation.SERVER_TO_USER_PREFIX + userId;
    String encoded = encoder.dataFor(channel, data, "event");
    return eventsRequest(List.of(channel), event, encoded, null, null);
  }

  /** {@code POST /batch_events}. */
  public ApiRequest batch(List<Event> events) {
    if (events == null || events.isEmpty()) {
      throw new ValidationException("a batch needs at least one event");
    }
    if (events.size() > maxBatchSize) {
      throw new ValidationException(
          "a batch may hold at most " + maxBatchSize + " events, got " + events.size()
              + " (raise it with maxBatchSize(...) if your cluster allows more)");
    }
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      if (event == null) {
        throw new ValidationException("batch event #" + i + " is null");
      }
      try {
        Validation.channelName(event.channel());
        Validation.eventName(event.name());
        event.socketId().ifPresent(Validation::socketId);
        if (Validation.isEncrypted(event.channel())) {
          encoder.requireEncryption(event.channel());
        }
      } catch (ValidationException e) {
        throw new ValidationException("batch event #" + i + ": " + e.getMessage(), e);
      }
    }
    List<PreparedEvent> prepared = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      prepared.add(new PreparedEvent(
          event.channel(), event.name(), encoder.dataFor(event.channel(), event.data(), "batch event #" + i),
          event.socketId().orElse(null), event.info().orElse(null)));
    }
    return batchOf(prepared);
  }

  /**
   * Validates one event and encodes (and, for an encrypted channel, encrypts) its data, so a batch
   * can later be assembled from events that are each known to be valid.
   */
  public PreparedEvent prepare(Event event) {
    if (event == null) {
      throw new ValidationException("event must not be null");
    }
    Validation.channelName(event.channel());
    Validation.eventName(event.name());
    event.socketId().ifPresent(Validation::socketId);
    if (Validation.isEncrypted(event.channel())) {
      encoder.requireEncryption(event.channel());
    }
    String data = encoder.dataFor(event.channel(), event.data(), "event");
    return new PreparedEvent(event.channel(), event.name(), data, event.socketId().orElse(null), event.info().orElse(null));
  }

  /** {@code POST /batch_events} of events already {@link #prepare prepared}; 1 to the batch limit. */
  public ApiRequest batchOf(List<PreparedEvent> events) {
    if (events.isEmpty() || events.size() > maxBatchSize) {
      throw new IllegalArgumentException("a batch holds 1 to " + maxBatchSize + " events, got " + events.size());
    }
    return ApiRequest.post(appPath + "/batch_events", EventBodies.batch(events));
  }

  /** The largest number of events one batch request may carry. */
  public int maxBatchSize() {
    return maxBatchSize;
  }

  /** {@code POST /users/<id>/terminate_connections} with body {@code {}}. */
  public ApiRequest terminateUserConnections(String userId) {
    Validation.addressableUserId(userId);
    // Signed as sent: the dispatcher signs exactly this (encoded) path.
    return ApiRequest.post(appPath + "/users/" + Validation.pathSegment(userId) + "/terminate_connections", EMPTY_OBJECT);
  }

  /** {@code GET /channels}. */
  public ApiRequest channels(ChannelsQuery query) {
    if (query == null) {
      throw new ValidationException("query must not be null; use ChannelsQuery.all()");
    }
    Map<String, String> params = new LinkedHashMap<>();
    query.prefixFilter().ifPresent(prefix -> params.put("filter_by_prefix", prefix));
    if (query.userCount()) {
      params.put("info", "user_count");
    }
    params.putAll(query.parameters());
    return ApiRequest.get(appPath + "/channels", params);
  }

  /** {@code GET /channels/<name>}, with {@code info} when attributes are given. */
  public ApiRequest channel(String channel, String info) {
    Validation.channelName(channel);
    return ApiRequest.get(appPath + "/channels/" + channel, info == null ? Map.of() : Map.of("info", info));
  }

  /** {@code GET /channels/<name>/users}. */
  public ApiRequest users(String channel) {
    Validation.channelName(channel);
    if (ChannelType.of(channel) != ChannelType.PRESENCE) {
      throw new ValidationException(
          "users(...) needs a presence channel (presence-...), got \"" + channel + "\"");
    }
    return ApiRequest.get(appPath + "/channels/" + channel + "/users", Map.of());
  }

  private ApiRequest eventsRequest(
      List<String> channels, String event, String data, String socketId, String info) {
    return ApiRequest.post(appPath + "/events", EventBodies.events(channels, event, data, socketId, info));
  }
}
