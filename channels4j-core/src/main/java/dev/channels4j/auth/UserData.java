package dev.channels4j.auth;

import dev.channels4j.internal.Errors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The user a connection signs in as (user authentication): an id, optional information, and an
 * optional watchlist of other user ids whose online status the connection follows. Immutable;
 * {@link #info} and {@link #watchlist} return copies.
 *
 * <p>Absent information is an empty map or list, never {@code null}, as for
 * {@link PresenceMember#userInfo()} and {@link dev.channels4j.Event#info()}; empty ones are left
 * out of the signed {@code user_data} (as the Go library's {@code omitempty} does).
 *
 * <pre>{@code
 * UserAuthResponse answer = client.authenticateUser(socketId,
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

  /** A user with only an id. The id is checked when the user is authenticated. */
  public static UserData of(String id) {
    return new UserData(id, Map.of(), List.of());
  }

  /** Adds {@code user_info}; key order is kept. */
  public UserData info(Map<String, ?> userInfo) {
    if (userInfo == null) {
      throw Errors.validation("userInfo must not be null");
    }
    return new UserData(id, Collections.unmodifiableMap(new LinkedHashMap<>(userInfo)), watchlist);
  }

  /** Adds a watchlist of user ids (at most 100, each checked when the user is authenticated). */
  public UserData watchlist(List<String> userIds) {
    if (userIds == null) {
      throw Errors.validation("watchlist must not be null");
    }
    return new UserData(id, info, Collections.unmodifiableList(new ArrayList<>(userIds)));
  }

  /** The user's id. */
  public String id() {
    return id;
  }

  /** The user info; empty when none was given. */
  public Map<String, Object> info() {
    return info;
  }

  /** The watchlist; empty when none was given. */
  public List<String> watchlist() {
    return watchlist;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserData other
        && Objects.equals(id, other.id) && info.equals(other.info) && watchlist.equals(other.watchlist);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, info, watchlist);
  }

  /** The id only: user info may be personal. */
  @Override
  public String toString() {
    return "UserData[id=" + id + "]";
  }
}
