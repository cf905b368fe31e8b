package dev.channels4j.webhook;

import java.util.Map;
import java.util.Optional;

/**
 * One event of a {@link Webhook}. Each kind Channels sends has its own type; a name this library
 * does not know arrives as {@link Other} with all its fields.
 *
 * <pre>{@code
 * if (event instanceof WebhookEvent.MemberAdded added) {
 *   presence.join(added.channel(), added.userId());
 * }
 * }</pre>
 */
public sealed interface WebhookEvent {

  /** The event's name as sent, e.g. {@code channel_occupied}. */
  String name();

  /** The channel the event is about. */
  String channel();

  /** The first connection subscribed to a channel. */
  record ChannelOccupied(String channel) implements WebhookEvent {
    @Override
    public String name() {
      return "channel_occupied";
    }
  }

  /** The last connection left a channel. */
  record ChannelVacated(String channel) implements WebhookEvent {
    @Override
    public String name() {
      return "channel_vacated";
    }
  }

  /** A user joined a presence channel (its first connection). */
  record MemberAdded(String channel, String userId) implements WebhookEvent {
    @Override
    public String name() {
      return "member_added";
    }
  }

  /** A user left a presence channel (its last connection). */
  record MemberRemoved(String channel, String userId) implements WebhookEvent {
    @Override
    public String name() {
      return "member_removed";
    }
  }

  /**
   * A client event sent by a connection.
   *
   * @param event the client event's name, {@code client-...}
   * @param data its data as JSON text (decrypted on encrypted channels)
   * @param socketId the sender's socket id, when sent
   * @param userId the sender's user id on presence channels
   */
  record ClientEvent(
      String channel, String event, String data, Optional<String> socketId, Optional<String> userId)
      implements WebhookEvent {
    @Override
    public String name() {
      return "client_event";
    }
  }

  /** A connection subscribed to a cache channel that held no event. */
  record CacheMiss(String channel) implements WebhookEvent {
    @Override
    public String name() {
      return "cache_miss";
    }
  }

  /** The number of connections subscribed to a channel changed. */
  record SubscriptionCount(String channel, int subscriptionCount) implements WebhookEvent {
    @Override
    public String name() {
      return "subscription_count";
    }
  }

  /**
   * An event of a kind this library does not know.
   *
   * @param fields every field of the event as parsed, {@code name} and {@code channel} included
   */
  record Other(String name, String channel, Map<String, Object> fields) implements WebhookEvent {
    public Other {
      fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
  }
}
