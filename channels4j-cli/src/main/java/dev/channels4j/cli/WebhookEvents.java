package dev.channels4j.cli;

import dev.channels4j.webhook.WebhookEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows the events of a verified webhook, one line each for people, one object each for scripts.
 *
 * <pre>{@code
 * WebhookEvents.describe(event);  // member_added presence-room user_id=7
 * WebhookEvents.toMap(event);     // {name=member_added, channel=presence-room, user_id=7}
 * }</pre>
 */
public final class WebhookEvents {
  private WebhookEvents() {}

  /** The event's fields as the webhook carried them. */
  public static Map<String, Object> toMap(WebhookEvent event) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", event.name());
    map.put("channel", event.channel());
    if (event instanceof WebhookEvent.MemberAdded added) {
      map.put("user_id", added.userId());
    } else if (event instanceof WebhookEvent.MemberRemoved removed) {
      map.put("user_id", removed.userId());
    } else if (event instanceof WebhookEvent.ClientEvent client) {
      map.put("event", client.event());
      map.put("data", client.data());
      client.socketId().ifPresent(id -> map.put("socket_id", id));
      client.userId().ifPresent(id -> map.put("user_id", id));
    } else if (event instanceof WebhookEvent.SubscriptionCount count) {
      map.put("subscription_count", count.subscriptionCount());
    } else if (event instanceof WebhookEvent.Other other) {
      map.putAll(other.fields());
    }
    return map;
  }

  /** {@code member_added presence-room user_id=7}. */
  public static String describe(WebhookEvent event) {
    StringBuilder line = new StringBuilder(event.name()).append(' ').append(event.channel());
    toMap(event).forEach((key, value) -> {
      if (!key.equals("name") && !key.equals("channel")) {
        line.append(' ').append(key).append('=').append(value);
      }
    });
    return line.toString();
  }
}
