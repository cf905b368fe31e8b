package dev.channels4j;

import java.util.Map;
import java.util.Optional;

/**
 * What a trigger returned: per-channel attributes when {@link Trigger#withInfo} asked for them,
 * otherwise nothing.
 *
 * <pre>{@code
 * TriggerResult r = client.trigger(Trigger.of("presence-room", "ev", data).withInfo("user_count"));
 * int users = r.channel("presence-room").flatMap(c -> ...).orElse(0);
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
