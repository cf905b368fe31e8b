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
 * @param maxPendingBytesPerConnection bytes of messages waiting to be written to one connection (1 MB);
 *     a connection that does not read fast enough to stay under it is closed with 4100 "Over capacity"
 * @param maxPendingMessagesPerConnection messages waiting to be written to one connection (1 000); as above
 * @param maxQueuedDeliveries messages waiting to be written to connections that read, all together (5 000):
 *     above it, or above {@code maxQueuedDeliveryBytes}, a publish (HTTP API) waits, without holding a
 *     thread, up to 2 s for that backlog to fall under both, then is refused with 429. Messages of stalled
 *     connections (messages waiting, none taken for 500 ms) do not count there: they have a budget of their
 *     own of the same size, and a stalled connection that does not fit in it is closed with 4100, so a
 *     reader that stops never holds a publisher back
 * @param maxQueuedDeliveryBytes bytes of messages waiting to be written, all connections together, each
 *     connection's copy counted even where the bytes are shared (64 MB); as above
 * @param maxCachedChannels cache channels whose last event is kept (10 000); the least recently written is
 *     evicted first; expired ones are swept every minute
 * @param maxCacheBytes bytes of cached event data, all cache channels together (32 MB); as above
 * @param maxAcceptedEvents events kept for {@link LocalServer#acceptedEvents()} per app (100 000); oldest dropped first
 * @param maxAcceptedEventBytes bytes of data of the events kept per app (32 MB); oldest dropped first
 * @param maxWebhookQueue webhooks waiting for one URL (10 000); when full the oldest is dropped and counted
 * @param maxWebhookQueueBytes bytes of webhook bodies waiting for one URL (16 MB); as above
 * @param maxSubscriptionsPerConnection channels one connection may be subscribed to at once (1 000); a
 *     subscription beyond it is refused with {@code pusher:error}, the connection stays open
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
    int maxMessageBytes,
    int maxPendingBytesPerConnection,
    int maxPendingMessagesPerConnection,
    int maxQueuedDeliveries,
    long maxQueuedDeliveryBytes,
    int maxCachedChannels,
    long maxCacheBytes,
    int maxAcceptedEvents,
    long maxAcceptedEventBytes,
    int maxWebhookQueue,
    long maxWebhookQueueBytes,
    int maxSubscriptionsPerConnection) {

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
    positive(maxPendingBytesPerConnection, "maxPendingBytesPerConnection");
    positive(maxPendingMessagesPerConnection, "maxPendingMessagesPerConnection");
    positive(maxQueuedDeliveries, "maxQueuedDeliveries");
    positive(maxQueuedDeliveryBytes, "maxQueuedDeliveryBytes");
    positive(maxCachedChannels, "maxCachedChannels");
    positive(maxCacheBytes, "maxCacheBytes");
    positive(maxAcceptedEvents, "maxAcceptedEvents");
    positive(maxAcceptedEventBytes, "maxAcceptedEventBytes");
    positive(maxWebhookQueue, "maxWebhookQueue");
    positive(maxWebhookQueueBytes, "maxWebhookQueueBytes");
    positive(maxSubscriptionsPerConnection, "maxSubscriptionsPerConnection");
  }

  /** Pusher's limits. */
  public static Limits pusher() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void positive(long value, String name) {
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
    private int maxPendingBytesPerConnection = 1024 * 1024;
    private int maxPendingMessagesPerConnection = 1_000;
    private int maxQueuedDeliveries = 5_000;
    private long maxQueuedDeliveryBytes = 64L * 1024 * 1024;
    private int maxCachedChannels = 10_000;
    private long maxCacheBytes = 32L * 1024 * 1024;
    private int maxAcceptedEvents = 100_000;
    private long maxAcceptedEventBytes = 32L * 1024 * 1024;
    private int maxWebhookQueue = 10_000;
    private long maxWebhookQueueBytes = 16L * 1024 * 1024;
    private int maxSubscriptionsPerConnection = 1_000;

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

    public Builder maxPendingBytesPerConnection(int value) {
      this.maxPendingBytesPerConnection = value;
      return this;
    }

    public Builder maxPendingMessagesPerConnection(int value) {
      this.maxPendingMessagesPerConnection = value;
      return this;
    }

    public Builder maxQueuedDeliveries(int value) {
      this.maxQueuedDeliveries = value;
      return this;
    }

    public Builder maxQueuedDeliveryBytes(long value) {
      this.maxQueuedDeliveryBytes = value;
      return this;
    }

    public Builder maxCachedChannels(int value) {
      this.maxCachedChannels = value;
      return this;
    }

    public Builder maxCacheBytes(long value) {
      this.maxCacheBytes = value;
      return this;
    }

    public Builder maxAcceptedEvents(int value) {
      this.maxAcceptedEvents = value;
      return this;
    }

    public Builder maxAcceptedEventBytes(long value) {
      this.maxAcceptedEventBytes = value;
      return this;
    }

    public Builder maxWebhookQueue(int value) {
      this.maxWebhookQueue = value;
      return this;
    }

    public Builder maxWebhookQueueBytes(long value) {
      this.maxWebhookQueueBytes = value;
      return this;
    }

    public Builder maxSubscriptionsPerConnection(int value) {
      this.maxSubscriptionsPerConnection = value;
      return this;
    }

    public Limits build() {
      return new Limits(maxChannelsPerTrigger, maxBatchSize, maxDataBytes, maxChannelNameLength, maxEventNameLength,
          maxClientEventsPerSecond, maxPresenceMembers, maxUserIdLength, maxUserInfoBytes, maxWatchlistSize,
          maxRequestBytes, maxMessageBytes, maxPendingBytesPerConnection, maxPendingMessagesPerConnection,
          maxQueuedDeliveries, maxQueuedDeliveryBytes, maxCachedChannels, maxCacheBytes, maxAcceptedEvents, maxAcceptedEventBytes,
          maxWebhookQueue, maxWebhookQueueBytes, maxSubscriptionsPerConnection);
    }
  }
}
