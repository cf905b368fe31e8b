package dev.channels4j.auth;

import dev.channels4j.ValidationException;
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
  /** Further top-level {@code user_data} fields, in the order added; never null. */
  private final Map<String, Object> extraFields;

  private UserData(String id, Map<String, Object> info, List<String> watchlist, Map<String, Object> extraFields) {
    this.id = id;
    this.info = info;
    this.watchlist = watchlist;
    this.extraFields = extraFields;
  }

  /** A user with only an id. The id is checked when the user is authenticated. */
  public static UserData of(String id) {
    return new UserData(id, Map.of(), List.of(), Map.of());
  }

  /** Adds {@code user_info}; key order is kept. */
  public UserData info(Map<String, ?> userInfo) {
    if (userInfo == null) {
      throw Errors.validation("userInfo must not be null");
    }
    return new UserData(id, Collections.unmodifiableMap(new LinkedHashMap<>(userInfo)), watchlist, extraFields);
  }

  /** Adds a watchlist of user ids (at most 100, each checked when the user is authenticated). */
  public UserData watchlist(List<String> userIds) {
    if (userIds == null) {
      throw Errors.validation("watchlist must not be null");
    }
    return new UserData(id, info, Collections.unmodifiableList(new ArrayList<>(userIds)), extraFields);
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

  /**
   * Adds a top-level {@code user_data} field of your own next to {@code id}, {@code user_info}
   * and {@code watchlist} (as the Go and Node libraries allow); any JSON-serializable value. Adding
   * a field again replaces its value.
   *
   * <pre>{@code
   * UserData.of("auth0|123").with("email", "ada@example.com").with("plan", "pro");
   * }</pre>
   *
   * @throws ValidationException when the field is null, empty, {@code id} (set it with
   *     {@link #of}), {@code user_info} ({@link #info}) or {@code watchlist} ({@link #watchlist}),
   *     or the value is null
   */
  public UserData with(String field, Object value) {
    Map<String, Object> added = new LinkedHashMap<>(extraFields);
    put(added, field, value);
    return new UserData(id, info, watchlist, Collections.unmodifiableMap(added));
  }

  /**
   * Adds every entry of {@code fields} as by {@link #with(String, Object)}, in the map's order.
   *
   * @throws ValidationException when {@code fields} is null or one entry is refused by {@link #with(String, Object)}
   */
  public UserData with(Map<String, ?> fields) {
    if (fields == null) {
      throw Errors.validation("user data fields must not be null");
    }
    Map<String, Object> added = new LinkedHashMap<>(extraFields);
    fields.forEach((field, value) -> put(added, field, value));
    return new UserData(id, info, watchlist, Collections.unmodifiableMap(added));
  }

  /** The fields added with {@link #with(String, Object)}, in order; empty when none. */
  public Map<String, Object> extraFields() {
    return extraFields;
  }

  private static void put(Map<String, Object> fields, String field, Object value) {
    if (field == null || field.isEmpty()) {
      throw Errors.validation("a user data field name must not be null or empty");
    }
    switch (field) {
      case "id" -> throw Errors.validation(
          "user data field \"id\" cannot be overridden: the id is the one given to UserData.of(id)");
      case "user_info" -> throw Errors.validation(
          "user data field \"user_info\" is set with info(Map), not with(...)");
      case "watchlist" -> throw Errors.validation(
          "user data field \"watchlist\" is set with watchlist(List), not with(...)");
      default -> { }
    }
    if (value == null) {
      throw Errors.validation("user data field \"" + field + "\" has a null value; leave the field out instead");
    }
    fields.put(field, value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserData other
        && Objects.equals(id, other.id) && info.equals(other.info) && watchlist.equals(other.watchlist)
        && extraFields.equals(other.extraFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, info, watchlist, extraFields);
  }

  /** The id only: user info may be personal. */
  @Override
  public String toString() {
    return "UserData[id=" + id + "]";
  }
}
