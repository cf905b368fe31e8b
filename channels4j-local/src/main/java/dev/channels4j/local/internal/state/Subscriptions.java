package dev.channels4j.local.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.local.LocalApp;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Who is subscribed where: membership, presence join and leave, subscription counts, and the
 * occupancy webhooks they cause (occupied, vacated, member added and removed, cache miss,
 * subscription count). Called under the app's lock, which also guards {@code channels}, shared
 * with {@link AppState} (publishes and queries read it); the timers of {@link VacancyTimers} and
 * {@link CountThrottle} take the same lock before sending.
 */
final class Subscriptions {
  private final LocalApp app;
  private final ServerSettings settings;
  private final Map<String, ChannelState> channels;
  private final CacheStore caches;
  private final VacancyTimers vacancies;
  private final CountThrottle counts;
  /** Sends a webhook event when the app has webhooks; the caller holds the lock. */
  private final Consumer<ObjectNode> emit;

  Subscriptions(LocalApp app, ServerSettings settings, Object lock, ScheduledExecutorService scheduler,
      Map<String, ChannelState> channels, CacheStore caches, Consumer<ObjectNode> emit) {
    this.app = app;
    this.settings = settings;
    this.channels = channels;
    this.caches = caches;
    this.emit = emit;
    this.vacancies = new VacancyTimers(lock, settings.vacancyDelay(), scheduler);
    this.counts = new CountThrottle(lock, scheduler, settings::nanoTime, state -> channels.get(state.name) == state,
        this::sendCount);
  }

  /** See {@link AppState#subscribe}; the caller holds the lock and has checked the connection is not gone. */
  Refusal subscribe(Connection connection, String channel, String userId, JsonNode userInfo) {
    if (connection.channels.contains(channel)) {
      return Refusal.of("Existing subscription to channel " + channel);
    }
    int most = settings.limits().maxSubscriptionsPerConnection();
    if (connection.channels.size() >= most) {
      return Refusal.of("Too many subscriptions: a connection may be subscribed to at most " + most
          + " channels at once; unsubscribe from one before subscribing to " + channel);
    }
    ChannelKind kind = ChannelKind.of(channel);
    if (kind == ChannelKind.SERVER_TO_USER) {
      String owner = channel.substring(ChannelKind.SERVER_TO_USER_PREFIX.length());
      if (!owner.equals(connection.userId)) {
        return Refusal.of("Channel " + channel + " is only open to the connections signed in as user " + owner
            + (connection.userId == null ? "; this connection has not signed in" : ""));
      }
    }
    ChannelState state = channels.get(channel);
    if (kind == ChannelKind.PRESENCE && state != null && !state.hasMember(userId)
        && state.memberCount() >= settings.limits().maxPresenceMembers()) {
      return Refusal.of("Presence channel " + channel + " is full: it has the maximum of "
          + settings.limits().maxPresenceMembers() + " members");
    }
    boolean created = state == null;
    if (created) {
      state = new ChannelState(channel, kind);
      channels.put(channel, state);
    }
    state.subscribers.add(connection);
    connection.channels.add(channel);
    if (created && !vacancies.takeBack(channel)) {
      emit.accept(AppState.hook("channel_occupied", channel));
    }
    if (kind == ChannelKind.PRESENCE) {
      boolean newMember = state.join(connection, userId, userInfo);
      connection.send(Messages.subscriptionSucceeded(channel, state.presenceData()));
      if (newMember) {
        String added = Messages.memberAdded(channel, userId, userInfo);
        for (Connection other : state.subscribers) {
          if (other != connection) {
            other.send(added);
          }
        }
        if (!vacancies.takeBack(channel + '\0' + userId)) {
          emit.accept(AppState.hook("member_added", channel).put("user_id", userId));
        }
      }
    } else {
      connection.send(Messages.subscriptionSucceeded(channel, null));
    }
    if (ChannelKind.isCache(channel)) {
      AppState.CachedEvent cached = caches.get(channel);
      if (cached != null) {
        connection.send(Messages.event(cached.event(), channel, cached.data()));
      } else {
        connection.send(Messages.cacheMiss(channel));
        emit.accept(AppState.hook("cache_miss", channel));
      }
    }
    countChanged(state);
    return null;
  }

  /** Leaves the channel if subscribed; the caller holds the lock. */
  void unsubscribe(Connection connection, String channel) {
    if (!connection.channels.remove(channel)) {
      return;
    }
    ChannelState state = channels.get(channel);
    if (state == null) {
      return;
    }
    state.subscribers.remove(connection);
    if (state.kind == ChannelKind.PRESENCE) {
      String gone = state.leave(connection);
      if (gone != null) {
        String removed = Messages.memberRemoved(channel, gone);
        state.subscribers.forEach(other -> other.send(removed));
        vacancies.delay(channel + '\0' + gone, hasWebhooks(),
            () -> emit.accept(AppState.hook("member_removed", channel).put("user_id", gone)));
      }
    }
    if (state.subscribers.isEmpty()) {
      channels.remove(channel);
      vacancies.delay(channel, hasWebhooks(), () -> emit.accept(AppState.hook("channel_vacated", channel)));
    } else {
      countChanged(state);
    }
  }

  /** Tells a non-presence channel's subscribers (and the webhook) its new count, throttled by {@link CountThrottle}. */
  private void countChanged(ChannelState state) {
    if (app.subscriptionCount() && state.kind != ChannelKind.PRESENCE) {
      counts.changed(state);
    }
  }

  private void sendCount(ChannelState state) {
    int count = state.subscribers.size();
    String message = Messages.subscriptionCount(state.name, count);
    state.subscribers.forEach(c -> c.send(message));
    emit.accept(AppState.hook("subscription_count", state.name).put("subscription_count", count));
  }

  private boolean hasWebhooks() {
    return !app.webhookUrls().isEmpty();
  }
}
