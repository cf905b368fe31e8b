package dev.channels4j.local.internal.state;

/** The kinds of channel, told apart by the name's prefix. */
public enum ChannelKind {
  PUBLIC,
  PRIVATE,
  ENCRYPTED,
  PRESENCE,
  SERVER_TO_USER;

  public static final String SERVER_TO_USER_PREFIX = "#server-to-user-";

  public static ChannelKind of(String channel) {
    if (channel.startsWith("private-encrypted-")) {
      return ENCRYPTED;
    }
    if (channel.startsWith("private-")) {
      return PRIVATE;
    }
    if (channel.startsWith("presence-")) {
      return PRESENCE;
    }
    if (channel.startsWith(SERVER_TO_USER_PREFIX)) {
      return SERVER_TO_USER;
    }
    return PUBLIC;
  }

  /** Whether the channel keeps its last event: {@code cache-}, {@code private-cache-}, and so on. */
  public static boolean isCache(String channel) {
    return channel.startsWith("cache-")
        || channel.startsWith("private-cache-")
        || channel.startsWith("private-encrypted-cache-")
        || channel.startsWith("presence-cache-");
  }

  public boolean needsAuth() {
    return this == PRIVATE || this == ENCRYPTED || this == PRESENCE;
  }
}
