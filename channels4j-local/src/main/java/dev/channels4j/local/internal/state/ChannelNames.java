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
    if (name.startsWith(ChannelKind.SERVER_TO_USER_PREFIX)) {
      // A user's own channel: any user id a sign-in accepts (like auth0|123), as Pusher's
      // libraries send it; the prefix does not count against the length.
      int idLength = name.length() - ChannelKind.SERVER_TO_USER_PREFIX.length();
      if (idLength == 0) {
        return "Channel name " + name + " names no user: #server-to-user-<user id>";
      }
      if (idLength > maxLength) {
        return "User id too long in " + name.substring(0, Math.min(name.length(), 40)) + "...: " + idLength
            + " characters, the limit is " + maxLength;
      }
      return null;
    }
    if (name.length() > maxLength) {
      return "Channel name too long: " + name.length() + " characters, the limit is " + maxLength;
    }
    if (!NAME.matcher(name).matches()) {
      return "Invalid channel name " + name + ": only A-Z, a-z, 0-9 and _ - = @ , . ; are allowed"
          + " (# only in #server-to-user-<id>)";
    }
    return null;
  }
}
