package dev.channels4j;

import java.util.Optional;

/**
 * Which occupied channels {@link ChannelsClient#channels(ChannelsQuery)} lists. Immutable.
 *
 * <pre>{@code
 * client.channels(ChannelsQuery.all());
 * client.channels(ChannelsQuery.prefix("presence-").withUserCount());
 * }</pre>
 */
public final class ChannelsQuery {
  private static final ChannelsQuery ALL = new ChannelsQuery(null, false);

  private final String prefix;
  private final boolean userCount;

  private ChannelsQuery(String prefix, boolean userCount) {
    this.prefix = prefix;
    this.userCount = userCount;
  }

  /** Every occupied channel. */
  public static ChannelsQuery all() {
    return ALL;
  }

  /** Occupied channels whose names start with {@code prefix}. */
  public static ChannelsQuery prefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      throw new ValidationException("channel prefix must not be empty; use ChannelsQuery.all()");
    }
    return new ChannelsQuery(prefix, false);
  }

  /** Also returns each channel's user count; Pusher allows it only with a {@code presence-} prefix. */
  public ChannelsQuery withUserCount() {
    if (prefix == null || ChannelType.of(prefix) != ChannelType.PRESENCE) {
      throw new ValidationException(
          "user_count may only be requested for presence channels: use ChannelsQuery.prefix(\"presence-...\").withUserCount()");
    }
    return new ChannelsQuery(prefix, true);
  }

  public Optional<String> prefixFilter() {
    return Optional.ofNullable(prefix);
  }

  public boolean userCount() {
    return userCount;
  }

  @Override
  public String toString() {
    return "ChannelsQuery[prefix=" + prefix + ", userCount=" + userCount + "]";
  }
}
