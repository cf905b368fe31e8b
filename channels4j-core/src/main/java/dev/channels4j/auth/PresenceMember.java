package dev.channels4j.auth;

import dev.channels4j.internal.Errors;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who joins a presence channel: a user id and optional information shown to the other members.
 * Becomes the {@code channel_data} of a presence authorization. Immutable.
 *
 * <p>Absent information is an empty map, never {@code null}, as for {@link UserData#info()} and
 * {@link dev.channels4j.Event#info()}; an empty map is left out of the signed JSON (as the Go
 * library's {@code omitempty} does).
 *
 * <pre>{@code
 * ChannelAuthResponse answer = client.authorizePresenceChannel(socketId, "presence-room",
 *     PresenceMember.of("7", Map.of("name", "Ada")));
 * }</pre>
 */
public final class PresenceMember {
  private final String userId;
  private final Map<String, Object> userInfo;

  private PresenceMember(String userId, Map<String, Object> userInfo) {
    this.userId = userId;
    this.userInfo = userInfo;
  }

  /** A member with no user info. The id is checked when the member is authorized. */
  public static PresenceMember of(String userId) {
    return new PresenceMember(userId, Map.of());
  }

  /** A member with user info (any JSON-serializable values); key order is kept. */
  public static PresenceMember of(String userId, Map<String, ?> userInfo) {
    if (userInfo == null) {
      throw Errors.validation("userInfo must not be null; use PresenceMember.of(userId)");
    }
    return new PresenceMember(userId, Collections.unmodifiableMap(new LinkedHashMap<>(userInfo)));
  }

  /** The user's id. */
  public String userId() {
    return userId;
  }

  /** The user info; empty when none was given. */
  public Map<String, Object> userInfo() {
    return userInfo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PresenceMember other && Objects.equals(userId, other.userId) && userInfo.equals(other.userInfo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, userInfo);
  }

  /** The id only: user info may be personal. */
  @Override
  public String toString() {
    return "PresenceMember[userId=" + userId + "]";
  }
}
