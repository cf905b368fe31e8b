package dev.channels4j.internal.validation;

import dev.channels4j.ChannelType;
import dev.channels4j.SocketId;
import dev.channels4j.ValidationException;
import dev.channels4j.internal.Errors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The rules every name, id and size is checked against before a request is built. */
public final class Validation {
  public static final int MAX_CHANNELS_PER_TRIGGER = 100;
  public static final int MAX_CHANNEL_NAME_LENGTH = ChannelType.MAX_NAME_LENGTH;
  public static final int MAX_EVENT_NAME_LENGTH = 200;
  public static final int MAX_USER_ID_LENGTH = 200;
  public static final int MAX_WATCHLIST_SIZE = 100;
  public static final String SERVER_TO_USER_PREFIX = ChannelType.SERVER_TO_USER.prefix();

  private static final String ALLOWED = "A-Z a-z 0-9 _ - = @ , . ;";

  private Validation() {}

  /** Refuses a {@code null} argument with a message that names it. */
  public static <T> T notNull(T value, String argument) {
    if (value == null) {
      throw Errors.validation(argument + " must not be null");
    }
    return value;
  }

  /** A channel an event may be triggered on: the pattern, the length, and not reserved. */
  public static void channelName(String name) {
    if (name == null) {
      throw Errors.validation("channel name must not be null");
    }
    if (name.startsWith(SERVER_TO_USER_PREFIX)) {
      throw Errors.validation(
          "channel \"" + shorten(name) + "\" is reserved for sendToUser(userId, event, data); use that instead");
    }
    if (name.isEmpty()) {
      throw Errors.validation("channel name must not be empty");
    }
    if (name.length() > MAX_CHANNEL_NAME_LENGTH) {
      throw Errors.validation(
          "channel name is " + name.length() + " characters, more than the limit of "
              + MAX_CHANNEL_NAME_LENGTH + ": \"" + shorten(name) + "\"");
    }
    if (!ChannelType.isValidName(name)) {
      throw Errors.validation(
          "channel name \"" + shorten(name) + "\" may only contain " + ALLOWED);
    }
  }

  /** The channel list of a trigger: 1 to 100 valid names. */
  public static void channels(List<String> channels) {
    if (channels == null || channels.isEmpty()) {
      throw Errors.validation("a trigger needs at least one channel");
    }
    if (channels.size() > MAX_CHANNELS_PER_TRIGGER) {
      throw Errors.validation(
          "a trigger may name at most " + MAX_CHANNELS_PER_TRIGGER + " channels, got " + channels.size());
    }
    for (String channel : channels) {
      channelName(channel);
    }
    if (channels.size() > 1) {
      for (String channel : channels) {
        if (isEncrypted(channel)) {
          throw Errors.validation(
              "encrypted channel \"" + channel + "\" cannot be triggered together with other channels;"
                  + " trigger it on its own");
        }
      }
    }
  }

  /** An event name: 1 to 200 characters, well-formed Unicode. */
  public static void eventName(String name) {
    if (name == null || name.isEmpty()) {
      throw Errors.validation("event name must not be empty");
    }
    if (name.length() > MAX_EVENT_NAME_LENGTH) {
      throw Errors.validation(
          "event name is " + name.length() + " characters, more than the limit of "
              + MAX_EVENT_NAME_LENGTH + ": \"" + shorten(name) + "\"");
    }
    wellFormed(name, "event name");
  }

  /** A socket id: digits, a dot, digits. */
  public static void socketId(String socketId) {
    if (!SocketId.isValid(socketId)) {
      throw Errors.validation(
          "socket id " + quote(socketId) + " is not valid: expected digits, a dot, digits (like 1234.5678)");
    }
  }

  /** A user id: 1 to 200 characters, well-formed Unicode. */
  public static void userId(String userId) {
    if (userId == null || userId.isEmpty()) {
      throw Errors.validation("user id must not be empty");
    }
    if (userId.length() > MAX_USER_ID_LENGTH) {
      throw Errors.validation(
          "user id is " + userId.length() + " characters, more than the limit of " + MAX_USER_ID_LENGTH
              + ": \"" + shorten(userId) + "\"");
    }
    wellFormed(userId, "user id");
  }

  /**
   * Refuses text with an unpaired surrogate: UTF-8 cannot encode it, so it would be sent as
   * {@code ?} without anyone noticing (a user id {@code "\uD800x"} would address user {@code "?x"}).
   * {@code what} names the text in the message; the text itself is not quoted, being malformed.
   */
  public static void wellFormed(String text, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw Errors.validation(
            what + " is not valid Unicode: unpaired surrogate U+"
                + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at index " + i);
      }
    }
  }

  /**
   * A user id that becomes part of a channel name or a path (sendToUser, terminate): the same rule
   * as for signing in (any 1 to 200 characters, like {@code auth0|123}), as the Go and Node
   * libraries have it. A path carries it percent-encoded ({@link #pathSegment}).
   */
  public static void addressableUserId(String userId) {
    userId(userId);
    notDotSegment(userId, "user id");
  }

  /**
   * Refuses "." and "..": valid characters, and unreserved so not encoded, but as a path segment an
   * HTTP stack would resolve them, and the request would reach another resource than the signed one.
   */
  public static void notDotSegment(String value, String what) {
    if (value.equals(".") || value.equals("..")) {
      throw Errors.validation(what + " \"" + value + "\" cannot be used in a request path: it is a relative path segment");
    }
  }

  /**
   * For a value put in a path as it is (a channel name, whose characters need no encoding): refuses
   * what a server would read as "." or "..", including after dropping {@code ;parameters}
   * ({@code ..;x}), see {@link PathSegments}.
   */
  public static void notReadAsDotSegment(String value, String what) {
    if (PathSegments.readAsDotSegment(value)) {
      throw Errors.validation(what + " \"" + value + "\" cannot be used in a request path: a server would read it"
          + " as the relative path segment . or .. (after dropping ;parameters or percent-decoding)");
    }
  }

  /**
   * A value as one percent-encoded path segment: everything but RFC 3986's unreserved characters
   * is encoded (UTF-8), so no id can add a segment, a query or a fragment to the path.
   */
  public static String pathSegment(String value) {
    StringBuilder out = null;
    byte[] bytes = null;
    for (int i = 0; i < value.length(); i++) {
      if (!isUnreserved(value.charAt(i))) {
        bytes = value.getBytes(StandardCharsets.UTF_8);
        out = new StringBuilder(bytes.length * 3);
        break;
      }
    }
    if (out == null) {
      return value;
    }
    for (byte b : bytes) {
      char c = (char) (b & 0xff);
      if (b >= 0 && isUnreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  /** The size of one event's data (after encryption) against the configured limit. */
  public static void dataSize(int bytes, int limit, String whichEvent) {
    if (bytes > limit) {
      throw Errors.validation(
          whichEvent + " data is " + bytes + " bytes, more than the limit of " + limit
              + " bytes (raise it with maxDataSize(...) if your cluster allows more)");
    }
  }

  public static boolean isEncrypted(String channel) {
    return ChannelType.of(channel) == ChannelType.PRIVATE_ENCRYPTED;
  }

  static String quote(String s) {
    return s == null ? "null" : "\"" + shorten(s) + "\"";
  }

  /** Long values are cut in messages so a 10 KB name does not flood a log. */
  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
