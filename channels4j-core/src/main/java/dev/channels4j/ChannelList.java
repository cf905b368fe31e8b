package dev.channels4j;

import java.util.Map;
import java.util.Set;

/**
 * The occupied channels an app has, as {@link ChannelsClient#channels(ChannelsQuery)} returns them.
 *
 * <pre>{@code
 * ChannelList list = client.channels(ChannelsQuery.prefix("presence-").withUserCount());
 * for (String name : list.names()) {
 *   list.channels().get(name).userCount().ifPresent(n -> ...);
 * }
 * }</pre>
 *
 * @param channels attributes by channel name (counts empty unless asked for)
 */
public record ChannelList(Map<String, ChannelCounts> channels) {
  public ChannelList {
    channels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(channels));
  }

  /** The names of the occupied channels. */
  public Set<String> names() {
    return channels.keySet();
  }
}
