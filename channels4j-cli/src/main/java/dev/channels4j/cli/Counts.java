package dev.channels4j.cli;

import dev.channels4j.ChannelCounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Prints the per-channel counts the API returns, for people and for scripts. */
final class Counts {
  private Counts() {}

  static Map<String, Object> toMap(ChannelCounts counts) {
    Map<String, Object> map = new LinkedHashMap<>();
    put(map, "user_count", counts.userCount());
    put(map, "subscription_count", counts.subscriptionCount());
    return map;
  }

  static Map<String, Object> toMap(Map<String, ChannelCounts> byChannel) {
    Map<String, Object> map = new LinkedHashMap<>();
    byChannel.forEach((channel, counts) -> map.put(channel, toMap(counts)));
    return map;
  }

  /** {@code user_count=2, subscription_count=3}, or empty when there are none. */
  static String describe(ChannelCounts counts) {
    List<String> parts = new ArrayList<>();
    counts.userCount().ifPresent(n -> parts.add("user_count=" + n));
    counts.subscriptionCount().ifPresent(n -> parts.add("subscription_count=" + n));
    return String.join(", ", parts);
  }

  private static void put(Map<String, Object> map, String name, OptionalInt value) {
    value.ifPresent(n -> map.put(name, n));
  }
}
