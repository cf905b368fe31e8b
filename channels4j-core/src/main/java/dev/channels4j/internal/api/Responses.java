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
 * Reads typed results out of successful responses. A trigger's 2xx that is not JSON, or JSON of
 * another shape (soketi's {@code {"ok":true}}), is still a success with no attributes; a query
 * whose answer cannot be read is an {@link ApiException}, since there is no result to return.
 */
public final class Responses {
  private Responses() {}

  public static TriggerResult trigger(ApiResponse response) {
    Map<String, ChannelCounts> channels = new LinkedHashMap<>();
    if (response.json() instanceof Map<?, ?> body && body.get("channels") instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        channels.put(String.valueOf(entry.getKey()), counts(entry.getValue()));
      }
    }
    return new TriggerResult(channels);
  }

  public static BatchResult batch(ApiResponse response) {
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
    throw unreadable(request, response, "not a JSON object");
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
