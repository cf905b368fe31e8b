package dev.channels4j;

import java.util.Map;
import java.util.Optional;

/**
 * What a trigger returned: per-channel attributes when {@link Event#withInfo} asked for them,
 * otherwise nothing.
 *
 * <pre>{@code
 * TriggerResult r = client.trigger(Event.of("presence-room", "ev", data).withInfo(Info.USER_COUNT));
 * int users = r.channel("presence-room").map(c -> c.userCount().orElse(0)).orElse(0);
 * }</pre>
 *
 * @param channels attributes by channel name, in the order the server listed them
 */
public record TriggerResult(Map<String, ChannelCounts> channels) {
  public TriggerResult {
    channels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(channels));
  }

  /** The attributes of one channel, when the server returned them. */
  public Optional<ChannelCounts> channel(String name) {
    return Optional.ofNullable(channels.get(name));
  }
}
