package dev.channels4j.local;

/**
 * The limits a {@link LocalServer} enforces; Pusher's by default. Immutable.
 *
 * <pre>{@code
 * Limits generous = Limits.builder().maxDataBytes(100 * 1024).maxBatchSize(50).build();
 * LocalServer server = LocalServer.builder().limits(generous).build();
 * }</pre>
 *
 * @param maxChannelsPerTrigger channels one trigger may name (100)
 * @param maxBatchSize events in one batch (10)
 * @param maxDataBytes bytes of an event's {@code data}, API and client events alike (10 KB = 10240)
 * @param maxChannelNameLength characters of a channel name (200)
 * @param maxEventNameLength characters of an event name (200)
 * @param maxClientEventsPerSecond client events one connection may send per second (10; more get error 4301)
 * @param maxPresenceMembers distinct users in one presence channel (100)
 * @param maxUserIdLength characters of a presence user id (128)
 * @param maxUserInfoBytes bytes of a presence member's {@code user_info} JSON (1 KB = 1024)
 * @param maxWatchlistSize user ids in a signed-in user's watchlist (100; more get error 4302)
 * @param maxRequestBytes bytes of an HTTP API request body (1 MB)
 * @param maxMessageBytes bytes of one WebSocket message from a client (64 KB; more closes with 1009)
 */
public record Limits(
    int maxChannelsPerTrigger,
    int maxBatchSize,
    int maxDataBytes,
    int maxChannelNameLength,
    int maxEventNameLength,
    int maxClientEventsPerSecond,
    int maxPresenceMembers,
    int maxUserIdLength,
    int maxUserInfoBytes,
    int maxWatchlistSize,
    int maxRequestBytes,
    int maxMessageBytes) {

  public Limits {
    positive(maxChannelsPerTrigger, "maxChannelsPerTrigger");
    positive(maxBatchSize, "maxBatchSize");
    positive(maxDataBytes, "maxDataBytes");
    positive(maxChannelNameLength, "maxChannelNameLength");
    positive(maxEventNameLength, "maxEventNameLength");
    positive(maxClientEventsPerSecond, "maxClientEventsPerSecond");
    positive(maxPresenceMembers, "maxPresenceMembers");
    positive(maxUserIdLength, "maxUserIdLength");
    positive(maxUserInfoBytes, "maxUserInfoBytes");
    positive(maxWatchlistSize, "maxWatchlistSize");
    positive(maxRequestBytes, "maxRequestBytes");
    positive(maxMessageBytes, "maxMessageBytes");
  }

  /** Pusher's limits. */
  public static Limits pusher() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  /** Builds {@link Limits}, starting from Pusher's. */
  public static final class Builder {
    private int maxChannelsPerTrigger = 100;
    private int maxBatchSize = 10;
    private int maxDataBytes = 10 * 1024;
    private int maxChannelNameLength = 200;
    private int maxEventNameLength = 200;
    private int maxClientEventsPerSecond = 10;
    private int maxPresenceMembers = 100;
    private int maxUserIdLength = 128;
    private int maxUserInfoBytes = 1024;
    private int maxWatchlistSize = 100;
    private int maxRequestBytes = 1024 * 1024;
    private int maxMessageBytes = 64 * 1024;

    private Builder() {}

    public Builder maxChannelsPerTrigger(int value) {
      this.maxChannelsPerTrigger = value;
      return this;
    }

    public Builder maxBatchSize(int value) {
      this.maxBatchSize = value;
      return this;
    }

    public Builder maxDataBytes(int value) {
      this.maxDataBytes = value;
      return this;
    }

    public Builder maxChannelNameLength(int value) {
      this.maxChannelNameLength = value;
      return this;
    }

    public Builder maxEventNameLength(int value) {
      this.maxEventNameLength = value;
      return this;
    }

    public Builder maxClientEventsPerSecond(int value) {
      this.maxClientEventsPerSecond = value;
      return this;
    }

    public Builder maxPresenceMembers(int value) {
      this.maxPresenceMembers = value;
      return this;
    }

    public Builder maxUserIdLength(int value) {
      this.maxUserIdLength = value;
      return this;
    }

    public Builder maxUserInfoBytes(int value) {
      this.maxUserInfoBytes = value;
      return this;
    }

    public Builder maxWatchlistSize(int value) {
      this.maxWatchlistSize = value;
      return this;
    }

    public Builder maxRequestBytes(int value) {
      this.maxRequestBytes = value;
      return this;
    }

    public Builder maxMessageBytes(int value) {
      this.maxMessageBytes = value;
      return this;
    }

    public Limits build() {
      return new Limits(maxChannelsPerTrigger, maxBatchSize, maxDataBytes, maxChannelNameLength, maxEventNameLength,
          maxClientEventsPerSecond, maxPresenceMembers, maxUserIdLength, maxUserInfoBytes, maxWatchlistSize,
          maxRequestBytes, maxMessageBytes);
    }
  }
}
