package dev.channels4j;

/**
 * The kind of a channel, told apart by the prefix of its name: the one place channels4j keeps the
 * prefix rules. Classifying does not validate: {@code of} accepts any non-null name.
 *
 * <pre>{@code
 * ChannelType.of("private-encrypted-payments");   // PRIVATE_ENCRYPTED
 * ChannelType.of("presence-room").requiresAuthorization();  // true
 * ChannelType.isCache("presence-cache-room");     // true: also keeps its last event
 * ChannelType.isValidName("private-orders.42");    // true: a name a browser may subscribe to
 * }</pre>
 *
 * <p>Cache channels ({@code cache-}, {@code private-cache-}, {@code private-encrypted-cache-},
 * {@code presence-cache-}) are not a type of their own: a cache channel is public, private,
 * encrypted or presence like any other, and {@link #isCache(String)} says whether it also keeps its
 * last event.
 */
public enum ChannelType {
  /** Anyone may subscribe; no prefix. */
  PUBLIC(""),
  /** {@code private-}: subscriptions are authorized by your server. */
  PRIVATE("private-"),
  /** {@code private-encrypted-}: private, and event data is end-to-end encrypted. */
  PRIVATE_ENCRYPTED("private-encrypted-"),
  /** {@code presence-}: private, and members are known by user id. */
  PRESENCE("presence-"),
  /** {@code #server-to-user-<user id>}: reserved for {@link ChannelsClient#sendToUser}. */
  SERVER_TO_USER("#server-to-user-");

  /** The longest channel name Channels accepts. */
  public static final int MAX_NAME_LENGTH = 200;

  private final String prefix;

  ChannelType(String prefix) {
    this.prefix = prefix;
  }

  /**
   * The type of the named channel.
   *
   * @throws ValidationException when {@code channelName} is null
   */
  public static ChannelType of(String channelName) {
    if (channelName == null) {
      throw new ValidationException("channel name must not be null");
    }
    // private-encrypted- before private-: the longer prefix wins.
    if (channelName.startsWith(PRIVATE_ENCRYPTED.prefix)) {
      return PRIVATE_ENCRYPTED;
    }
    if (channelName.startsWith(PRIVATE.prefix)) {
      return PRIVATE;
    }
    if (channelName.startsWith(PRESENCE.prefix)) {
      return PRESENCE;
    }
    if (channelName.startsWith(SERVER_TO_USER.prefix)) {
      return SERVER_TO_USER;
    }
    return PUBLIC;
  }

  /**
   * Whether the named channel keeps its last event for new subscribers: its name starts with
   * {@code cache-}, {@code private-cache-}, {@code private-encrypted-cache-} or {@code presence-cache-}.
   *
   * @throws ValidationException when {@code channelName} is null
   */
  public static boolean isCache(String channelName) {
    ChannelType type = of(channelName);
    return type != SERVER_TO_USER && channelName.startsWith("cache-", type.prefix.length());
  }

  /**
   * Whether {@code channelName} is a channel name Channels accepts: 1 to {@value #MAX_NAME_LENGTH}
   * characters of {@code A-Z a-z 0-9 _ - = @ , . ;}. The one place channels4j keeps this alphabet;
   * false for null. Reserved {@code #server-to-user-} names are not valid names to subscribe to or
   * trigger on ({@code #} is outside the alphabet).
   */
  public static boolean isValidName(String channelName) {
    if (channelName == null || channelName.isEmpty() || channelName.length() > MAX_NAME_LENGTH) {
      return false;
    }
    for (int i = 0; i < channelName.length(); i++) {
      if (!isNameCharacter(channelName.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '-' || c == '=' || c == '@' || c == ',' || c == '.' || c == ';';
  }

  /** The prefix that marks this type ({@code ""} for {@link #PUBLIC}). */
  public String prefix() {
    return prefix;
  }

  /** Whether a browser must be authorized by your server to subscribe: private, encrypted and presence. */
  public boolean requiresAuthorization() {
    return this == PRIVATE || this == PRIVATE_ENCRYPTED || this == PRESENCE;
  }
}
