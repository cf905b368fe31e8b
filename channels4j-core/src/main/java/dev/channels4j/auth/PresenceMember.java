package dev.channels4j.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who joins a presence channel: a user id and optional information shown to the other members.
 * Becomes the {@code channel_data} of a presence authorization.
 *
 * <pre>{@code
 * String body = client.authorizePresenceChannel(socketId, "presence-room",
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

  /** A member with no user info. */
  public static PresenceMember of(String userId) {
    return new PresenceMember(userId, Map.of());
  }

  /** A member with user info (any JSON-serializable values); key order is kept. */
  public static PresenceMember of(String userId, Map<String, ?> userInfo) {
    Objects.requireNonNull(userInfo, "userInfo must not be null; use PresenceMember.of(userId)");
    return new PresenceMember(userId, Collections.unmodifiableMap(new LinkedHashMap<>(userInfo)));
  }

  public String userId() {
    return userId;
  }

  public Map<String, Object> userInfo() {
    return userInfo;
  }

  @Override
  public String toString() {
    return "PresenceMember[userId=" + userId + "]";
  }
}
