package dev.channels4j.internal.api;

import dev.channels4j.ApiException;
import dev.channels4j.BatchResult;
import dev.channels4j.ChannelCounts;
import dev.channels4j.ChannelInfo;
import dev.channels4j.ChannelList;
import dev.channels4j.TriggerResult;
import dev.channels4j.internal.Errors;
import dev.channels4j.internal.api.Dispatcher.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads typed results out of successful responses.
 *
 * <p>A 2xx answer whose body is not JSON (an HTML page from a proxy, an empty body) is read in one
 * of two ways, decided by whether the caller reads the answer ({@link ApiRequest#answerRequired}):
 * <ul>
 *   <li>queries ({@code channels}, {@code channel}, {@code users}) and events sent with
 *       {@code info} are strict: such an answer is an {@link ApiException} (its status, and a message
 *       saying the body is not JSON), because the result the caller asked for is not there, and a
 *       default would hide a broken proxy;
 *   <li>a plain trigger, batch or {@code sendToUser} is lenient: a 2xx is the API's statement that
 *       it accepted the events, and its body carries nothing the caller reads (Pusher answers
 *       {@code {}}, soketi {@code {"ok":true}}, other compatible servers an empty body), so any 2xx
 *       body is a success with no attributes.
 * </ul>
 */
public final class Responses {
  private Responses() {}

  public static TriggerResult trigger(ApiRequest request, ApiResponse response) {
    if (request.answerRequired()) {
      object(request, response);
    }
    Map<String, ChannelCounts> channels = new LinkedHashMap<>();
    if (response.json() instanceof Map<?, ?> body && body.get("channels") instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        channels.put(String.valueOf(entry.getKey()), counts(entry.getValue()));
      }
    }
    return new TriggerResult(channels);
  }

  public static BatchResult batch(ApiRequest request, ApiResponse response) {
    if (request.answerRequired()) {
      object(request, response);
    }
    List<ChannelCounts> events = new ArrayList<>();
    if (response.json() instanceof Map<?, ?> body && body.get("batch") instanceof List<?> list) {
      for (Object item : list) {
        events.add(counts(item));
      }
    }
    return new BatchResult(events);
  }

  public static ChannelList channels(ApiRequest request, ApiResponse response) {
    Map<?, ?> body = object(request, response);
    Map<String, ChannelCounts> channels = new LinkedHashMap<>();
    if (body.get("channels") instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        channels.put(String.valueOf(entry.getKey()), counts(entry.getValue()));
      }
    } else {
      throw unreadable(request, response, "no \"channels\" object");
    }
    return new ChannelList(channels);
  }

  public static ChannelInfo channel(ApiRequest request, ApiResponse response, String name) {
    Map<?, ?> body = object(request, response);
    boolean occupied = Boolean.TRUE.equals(body.get("occupied"));
    Optional<ChannelInfo.CachedEvent> cache = Optional.empty();
    if (body.get("cache") instanceof Map<?, ?> cached && cached.get("data") != null) {
      long ttl = cached.get("ttl") instanceof Number n ? n.longValue() : 0;
      cache = Optional.of(new ChannelInfo.CachedEvent(String.valueOf(cached.get("data")), ttl));
    }
    return new ChannelInfo(name, occupied, count(body, "user_count"), count(body, "subscription_count"), cache);
  }

  public static List<String> users(ApiRequest request, ApiResponse response) {
    Map<?, ?> body = object(request, response);
    if (!(body.get("users") instanceof List<?> users)) {
      throw unreadable(request, response, "no \"users\" array");
    }
    List<String> ids = new ArrayList<>(users.size());
    for (Object user : users) {
      if (user instanceof Map<?, ?> map && map.get("id") != null) {
        ids.add(String.valueOf(map.get("id")));
      }
    }
    return List.copyOf(ids);
  }

  private static Map<?, ?> object(ApiRequest request, ApiResponse response) {
    if (response.json() instanceof Map<?, ?> map) {
      return map;
    }
    throw unreadable(request, response, response.json() == null
        ? (response.body().isEmpty() ? "empty, not JSON" : "not JSON; a proxy or server in the way may have answered")
        : "JSON, but not an object");
  }

  private static ApiException unreadable(ApiRequest request, ApiResponse response, String why) {
    return Errors.api(
        request + " answered HTTP " + response.status() + " with a body that cannot be read (" + why + "): "
            + (response.body().length() > 200 ? response.body().substring(0, 197) + "..." : response.body()),
        response.status(), response.body(), null);
  }

  private static ChannelCounts counts(Object value) {
    if (value instanceof Map<?, ?> map) {
      return new ChannelCounts(count(map, "user_count"), count(map, "subscription_count"));
    }
    return new ChannelCounts(OptionalInt.empty(), OptionalInt.empty());
  }

  private static OptionalInt count(Map<?, ?> map, String key) {
    return map.get(key) instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
  }
}
