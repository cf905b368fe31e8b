package dev.channels4j.internal.api;

import dev.channels4j.ChannelType;
import dev.channels4j.ChannelsQuery;
import dev.channels4j.Event;
import dev.channels4j.Info;
import dev.channels4j.RequestEvent.Operation;
import dev.channels4j.ValidationException;
import dev.channels4j.internal.Errors;
import dev.channels4j.internal.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

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
  public ApiRequest trigger(Event event) {
    Validation.notNull(event, "event");
    List<String> channels = event.channels();
    Validation.channels(channels);
    Validation.eventName(event.name());
    event.socketId().ifPresent(Validation::socketId);
    String info = eventInfo(event.info());
    if (Validation.isEncrypted(channels.get(0))) {
      encoder.requireEncryption(channels.get(0));
    }
    String data = encoder.dataFor(channels.get(0), event.data(), "event");
    return eventsRequest(Operation.TRIGGER, channels, event.name(), data, event.socketId().orElse(null), info);
  }

  /** {@code POST /events} on {@code #server-to-user-<userId>}. */
  public ApiRequest sendToUser(String userId, String event, Object data) {
    Validation.notNull(userId, "userId");
    Validation.notNull(event, "event");
    Validation.addressableUserId(userId);
    Validation.eventName(event);
    String channel = Validation.SERVER_TO_USER_PREFIX + userId;
    String encoded = encoder.dataFor(channel, data, "event");
    return eventsRequest(Operation.SEND_TO_USER, List.of(channel), event, encoded, null, null);
  }

  /** {@code POST /batch_events}. */
  public ApiRequest batch(List<Event> events) {
    Validation.notNull(events, "events");
    if (events.isEmpty()) {
      throw Errors.validation("a batch needs at least one event");
    }
    if (events.size() > maxBatchSize) {
      throw Errors.validation(
          "a batch may hold at most " + maxBatchSize + " events, got " + events.size()
              + " (raise it with maxBatchSize(...) if your cluster allows more)");
    }
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      if (event == null) {
        throw Errors.validation("batch event #" + i + " is null");
      }
      try {
        checkSingleChannelEvent(event);
      } catch (ValidationException e) {
        throw Errors.validation("batch event #" + i + ": " + e.getMessage(), e);
      }
    }
    List<PreparedEvent> prepared = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      String channel = event.channels().get(0);
      prepared.add(new PreparedEvent(
          channel, event.name(), encoder.dataFor(channel, event.data(), "batch event #" + i),
          event.socketId().orElse(null), eventInfo(event.info())));
    }
    return batchOf(prepared);
  }

  /**
   * Validates one event and encodes (and, for an encrypted channel, encrypts) its data, so a batch
   * can later be assembled from events that are each known to be valid.
   */
  public PreparedEvent prepare(Event event) {
    Validation.notNull(event, "event");
    checkSingleChannelEvent(event);
    String channel = event.channels().get(0);
    String data = encoder.dataFor(channel, event.data(), "event");
    return new PreparedEvent(channel, event.name(), data, event.socketId().orElse(null), eventInfo(event.info()));
  }

  /** What a batch event must satisfy before its data is encoded: one channel among the rest. */
  private void checkSingleChannelEvent(Event event) {
    if (event.channels().size() != 1) {
      throw Errors.validation(
          "an event of a batch or a publisher names exactly one channel, got " + event.channels().size()
              + "; use trigger(event) for several channels, or one Event per channel");
    }
    String channel = event.channels().get(0);
    Validation.channelName(channel);
    Validation.eventName(event.name());
    event.socketId().ifPresent(Validation::socketId);
    if (Validation.isEncrypted(channel)) {
      encoder.requireEncryption(channel);
    }
  }

  /** The {@code info} parameter of an event; {@code cache} is a channel query's attribute only. */
  private static String eventInfo(Set<Info> info) {
    if (info.contains(Info.CACHE)) {
      throw Errors.validation(
          "info CACHE is returned by channel queries only; an event may ask for USER_COUNT and SUBSCRIPTION_COUNT");
    }
    return join(info);
  }

  /** The comma-separated {@code info} parameter, or {@code null} for none. */
  static String join(Set<Info> info) {
    if (info.isEmpty()) {
      return null;
    }
    StringJoiner joined = new StringJoiner(",");
    for (Info attribute : info) {
      joined.add(attribute.attributeName());
    }
    return joined.toString();
  }

  /** {@code POST /batch_events} of events already {@link #prepare prepared}; 1 to the batch limit. */
  public ApiRequest batchOf(List<PreparedEvent> events) {
    if (events.isEmpty() || events.size() > maxBatchSize) {
      throw new IllegalArgumentException("a batch holds 1 to " + maxBatchSize + " events, got " + events.size());
    }
    ApiRequest request = ApiRequest.post(Operation.TRIGGER_BATCH, appPath + "/batch_events", EventBodies.batch(events));
    for (PreparedEvent event : events) {
      if (event.info() != null) {
        return request.requiringAnswer();
      }
    }
    return request;
  }

  /** The largest number of events one batch request may carry. */
  public int maxBatchSize() {
    return maxBatchSize;
  }

  /** {@code POST /users/<id>/terminate_connections} with body {@code {}}. */
  public ApiRequest terminateUserConnections(String userId) {
    Validation.notNull(userId, "userId");
    Validation.addressableUserId(userId);
    // Signed as sent: the dispatcher signs exactly this (encoded) path.
    return ApiRequest.post(Operation.TERMINATE_USER_CONNECTIONS, appPath + "/users/" + Validation.pathSegment(userId) + "/terminate_connections", EMPTY_OBJECT);
  }

  /** {@code GET /channels}. */
  public ApiRequest channels(ChannelsQuery query) {
    if (query == null) {
      throw Errors.validation("query must not be null; use ChannelsQuery.all()");
    }
    Map<String, String> params = new LinkedHashMap<>();
    query.prefix().ifPresent(prefix -> params.put("filter_by_prefix", prefix));
    if (query.userCount()) {
      params.put("info", "user_count");
    }
    params.putAll(query.parameters());
    return ApiRequest.get(Operation.CHANNELS, appPath + "/channels", params);
  }

  /** {@code GET /channels/<name>}, with {@code info} when attributes are given. */
  public ApiRequest channel(String channel, Set<Info> info) {
    Validation.notNull(channel, "channel");
    Validation.channelName(channel);
    Validation.notReadAsDotSegment(channel, "channel");
    String joined = join(info);
    return ApiRequest.get(Operation.CHANNEL, appPath + "/channels/" + channel, joined == null ? Map.of() : Map.of("info", joined));
  }

  /** {@code GET /channels/<name>/users}. */
  public ApiRequest users(String channel) {
    Validation.notNull(channel, "channel");
    Validation.channelName(channel);
    if (ChannelType.of(channel) != ChannelType.PRESENCE) {
      throw Errors.validation(
          "users(...) needs a presence channel (presence-...), got \"" + channel + "\"");
    }
    return ApiRequest.get(Operation.USERS, appPath + "/channels/" + channel + "/users", Map.of());
  }

  private ApiRequest eventsRequest(Operation operation,
      List<String> channels, String event, String data, String socketId, String info) {
    ApiRequest request = ApiRequest.post(operation, appPath + "/events", EventBodies.events(channels, event, data, socketId, info));
    return info == null ? request : request.requiringAnswer();
  }
}
