package dev.channels4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The state of one channel, as {@link ChannelsClient#channel(String, Info...)} returns it.
 *
 * <pre>{@code
 * ChannelInfo info = client.channel("presence-room", Info.USER_COUNT);
 * if (info.occupied()) { info.userCount().getAsInt(); }
 * }</pre>
 *
 * @param name the channel asked about
 * @param occupied whether at least one connection is subscribed
 * @param userCount distinct users, when asked for (presence channels)
 * @param subscriptionCount subscribed connections, when asked for
 * @param cache the cached event of a cache channel, when asked for and present
 */
public record ChannelInfo(
    String name,
    boolean occupied,
    OptionalInt userCount,
    OptionalInt subscriptionCount,
    Optional<CachedEvent> cache) {

  /**
   * The last event a cache channel holds.
   *
   * @param data the event's data as sent
   * @param ttlSeconds seconds until the cache expires
   */
  public record CachedEvent(String data, long ttlSeconds) {}
}
