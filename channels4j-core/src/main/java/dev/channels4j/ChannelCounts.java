package dev.channels4j;

import java.util.OptionalInt;

/**
 * The attributes a trigger or batch returns for one channel when asked with {@code withInfo}.
 * A count is empty when it was not asked for or does not apply to the channel.
 *
 * <pre>{@code
 * counts.userCount().orElse(0);
 * }</pre>
 *
 * @param userCount distinct users on a presence channel
 * @param subscriptionCount connections subscribed to a non-presence channel
 */
public record ChannelCounts(OptionalInt userCount, OptionalInt subscriptionCount) {
  static final ChannelCounts EMPTY = new ChannelCounts(OptionalInt.empty(), OptionalInt.empty());
}
