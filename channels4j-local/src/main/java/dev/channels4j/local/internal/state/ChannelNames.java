package dev.channels4j.local.internal.state;

import java.util.regex.Pattern;

/** The channel-name rules, for subscribing and for triggering alike. */
public final class ChannelNames {
  private static final Pattern NAME = Pattern.compile("[-a-zA-Z0-9_=@,.;]+");

  private ChannelNames() {}

  /** Why the name is not a valid channel name, or {@code null} when it is. */
  public static String problem(String name, int maxLength) {
    if (name == null || name.isEmpty()) {
      return "Channel name must not be empty";
    }
    if (name.length() > maxLength) {
      return "Channel name too long: " + name.length() + " characters, the limit is " + maxLength;
    }
    String checked = name.startsWith(ChannelKind.SERVER_TO_USER_PREFIX)
        ? name.substring(ChannelKind.SERVER_TO_USER_PREFIX.length()) : name;
    if (!NAME.matcher(checked).matches()) {
      return "Invalid channel name " + name + ": only A-Z, a-z, 0-9 and _ - = @ , . ; are allowed"
          + " (# only in #server-to-user-<id>)";
    }
    return null;
  }
}
