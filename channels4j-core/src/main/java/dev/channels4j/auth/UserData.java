package dev.channels4j.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The user a connection signs in as (user authentication): an id, optional information, and an
 * optional watchlist of other user ids whose online status the connection follows. Immutable.
 *
 * <pre>{@code
 * String body = client.authenticateUser(socketId,
 *     UserData.of("7").info(Map.of("name", "Ada")).watchlist(List.of("8", "9")));
 * }</pre>
 */
public final class UserData {
  private final String id;
  private final Map<String, Object> info;
  private final List<String> watchlist;

  private UserData(String id, Map<String, Object> info, List<String> watchlist) {
    this.id = id;
    this.info = info;
    this.watchlist = watchlist;
  }

  /** A user with only an id. */
  public static UserData of(String id) {
    return new UserData(id, null, null);
  }

  /** Adds {@code user_info}; key order is kept. */
  public UserData info(Map<String, ?> userInfo) {
    Objects.requireNonNull(userInfo, "userInfo must not be null");
    return new UserData(id, Collections.unmodifiableMap(new LinkedHashMap<>(userInfo)), watchlist);
  }

  /** Adds a watchlist of user ids (at most 100). */
  public UserData watchlist(List<String> userIds) {
    Objects.requireNonNull(userIds, "watchlist must not be null");
    return new UserData(id, info, Collections.unmodifiableList(new ArrayList<>(userIds)));
  }

  public String id() {
    return id;
  }

  /** The user info, or {@code null} when none was given. */
  public Map<String, Object> info() {
    return info;
  }

  /** The watchlist, or {@code null} when none was given. */
  public List<String> watchlist() {
    return watchlist;
  }

  @Override
  public String toString() {
    return "UserData[id=" + id + "]";
  }
}
