package dev.channels4j;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A channel attribute an operation can ask the API to return: on an event
 * ({@link Event#withInfo(Info...)}) or a channel query ({@link ChannelsClient#channel(String, Info...)}).
 *
 * <pre>{@code
 * client.trigger(Event.of("presence-room", "joined", who).withInfo(Info.USER_COUNT));
 * client.channel("presence-room", Info.USER_COUNT, Info.SUBSCRIPTION_COUNT);
 * }</pre>
 */
public enum Info {
  /** Distinct users on a presence channel. */
  USER_COUNT("user_count"),
  /** Connections subscribed to a channel (when subscription counting is enabled for the app). */
  SUBSCRIPTION_COUNT("subscription_count"),
  /**
   * The cached event of a cache channel. Only a channel query returns it; an event asking for it is
   * refused.
   */
  CACHE("cache");

  private final String attributeName;

  Info(String attributeName) {
    this.attributeName = attributeName;
  }

  /** The name the HTTP API uses, e.g. {@code user_count}. */
  public String attributeName() {
    return attributeName;
  }

  /** The attributes as a set in declaration order, refusing null and an empty list. */
  static Set<Info> setOf(Info... attributes) {
    if (attributes == null) {
      throw new ValidationException("attributes must not be null");
    }
    if (attributes.length == 0) {
      throw new ValidationException("info needs at least one attribute, e.g. Info.USER_COUNT");
    }
    EnumSet<Info> set = EnumSet.noneOf(Info.class);
    for (Info attribute : attributes) {
      if (attribute == null) {
        throw new ValidationException("info attribute must not be null");
      }
      set.add(attribute);
    }
    return Collections.unmodifiableSet(set);
  }
}
