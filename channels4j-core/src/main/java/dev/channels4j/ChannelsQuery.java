package dev.channels4j;

import dev.channels4j.internal.api.RawRequests;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which occupied channels {@link ChannelsClient#channels(ChannelsQuery)} lists. Immutable.
 *
 * <pre>{@code
 * client.channels(ChannelsQuery.all());
 * client.channels(ChannelsQuery.prefix("presence-").withUserCount());
 * client.channels(ChannelsQuery.all().with("info", "subscription_count"));   // any parameter, as Go's Channels takes
 * }</pre>
 *
 * <p>Each factory or {@code with...} method has the accessor of the same name: {@link #prefix()},
 * {@link #userCount()}.
 */
public final class ChannelsQuery {
  private static final ChannelsQuery ALL = new ChannelsQuery(null, false);

  private final String prefix;
  private final boolean userCount;
  /** Parameters given with {@link #with}, in order; never null. */
  private final Map<String, String> parameters;

  private ChannelsQuery(String prefix, boolean userCount) {
    this(prefix, userCount, Map.of());
  }

  private ChannelsQuery(String prefix, boolean userCount, Map<String, String> parameters) {
    this.prefix = prefix;
    this.userCount = userCount;
    this.parameters = parameters;
  }

  /** Every occupied channel. */
  public static ChannelsQuery all() {
    return ALL;
  }

  /** Occupied channels whose names start with {@code prefix}. */
  public static ChannelsQuery prefix(String prefix) {
    if (prefix == null) {
      throw new ValidationException("prefix must not be null; use ChannelsQuery.all()");
    }
    if (prefix.isEmpty()) {
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
    if (parameters.containsKey("info")) {
      throw new ValidationException(
          "info is already set with with(\"info\", ...); give every attribute there, e.g. \"user_count,subscription_count\"");
    }
    return new ChannelsQuery(prefix, true, parameters);
  }

  /** The prefix given to {@link #prefix(String)}; empty for {@link #all()}. */
  public Optional<String> prefix() {
    return Optional.ofNullable(prefix);
  }

  /** Whether {@link #withUserCount()} asked for each channel's user count. */
  public boolean userCount() {
    return userCount;
  }

  /**
   * Adds a query parameter of your own to the request, for attributes and filters this class has
   * no method for (Go's {@code Channels} takes any parameters). Signed with the request; the answer
   * is read as usual, so {@code with("info", "subscription_count")} fills
   * {@link ChannelCounts#subscriptionCount()}.
   *
   * @throws ValidationException when the name is not lower case, is one the signature uses itself,
   *     is {@code filter_by_prefix} (use {@link #prefix}) or is {@code info} after
   *     {@link #withUserCount()}; or the value is null
   */
  public ChannelsQuery with(String name, String value) {
    RawRequests.checkParameter(name, value);
    if (name.equals("filter_by_prefix")) {
      throw new ValidationException("filter_by_prefix is set with ChannelsQuery.prefix(...), not with(...)");
    }
    if (name.equals("info") && userCount) {
      throw new ValidationException(
          "info is already set by withUserCount(); give every attribute in with(\"info\", \"user_count,...\") instead");
    }
    Map<String, String> added = new LinkedHashMap<>(parameters);
    added.put(name, value);
    return new ChannelsQuery(prefix, userCount, Collections.unmodifiableMap(added));
  }

  /** The parameters added with {@link #with}, in order; empty when none. */
  public Map<String, String> parameters() {
    return parameters;
  }

  @Override
  public String toString() {
    return "ChannelsQuery[prefix=" + prefix + ", userCount=" + userCount
        + (parameters.isEmpty() ? "" : ", parameters=" + parameters) + "]";
  }
}
