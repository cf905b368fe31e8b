package dev.channels4j.local.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.internal.socket.CloseCodes;
import dev.channels4j.local.AcceptedEvent;
import dev.channels4j.local.LocalApp;
import dev.channels4j.local.internal.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one app holds: connections, channels, presence members, signed-in users, cached
 * events. One lock guards it all, so a publish reaches every subscriber of a channel in the order
 * the publishes were accepted, and no request of one connection can see another half-done. Sends
 * only append to each connection's bounded outbox (a publish encodes its message once per channel
 * and every subscriber's outbox shares those bytes); the writes happen on other threads, so the
 * lock is never held across network I/O.
 *
 * <p>Why not a lock per channel for the fan-out: a publish takes this lock once per event (a
 * channel's subscribers, 50 deliveries in the fan-out benchmark) and holds it only to append to
 * outboxes. Profiled and tried (BENCHMARKS.md, "Re-measured for issue 17"), the lock was not where
 * the CPU per delivery goes: about 1 % of publishes found it taken, about 5 % of the server's
 * execution samples were inside it, and with the fan-out under a lock per channel the CPU per
 * delivery stayed within the spread of runs (six interleaved rounds against soketi). Revisit if a
 * profile shows publishers of different channels queueing here.
 *
 * <p>What is not about connections and channels lives in collaborators guarded by the same lock:
 * {@link Subscriptions} (membership, presence join and leave, subscription counts and the occupancy
 * webhooks, with its {@link VacancyTimers} and {@link CountThrottle}), {@link CacheStore} (cache
 * channels' last events), {@link AcceptedLog} (the accepted-event log), {@link UserSessions}
 * (signed-in users). Each is bounded and counts what it drops; time comes
 * from the settings' clock and ticker.
 */
public final class AppState {
  private static final Logger LOG = LoggerFactory.getLogger("dev.channels4j.local");
  /** Estimated heap of an accepted event or cache entry besides its strings. */
  static final int ENTRY_OVERHEAD_BYTES = 128;

  private final LocalApp app;
  private final ServerSettings settings;
  private final WebhookSink webhooks;
  private final ScheduledExecutorService scheduler;
  private final Object lock = new Object();

  // Guarded by lock, as are the collaborators below.
  private final Map<String, Connection> connections = new HashMap<>();
  /** Occupied channels; {@link Subscriptions} adds and removes them, publishes and queries read them. */
  private final Map<String, ChannelState> channels = new HashMap<>();
  private final UserSessions users = new UserSessions();
  private final CacheStore caches;
  private final AcceptedLog accepted;
  private final Subscriptions subscriptions;
  private final ConnectionSweeps sweeps;
  private final Counters counters;

  public AppState(LocalApp app, ServerSettings settings, WebhookSink webhooks, ScheduledExecutorService scheduler) {
    this.app = app;
    this.settings = settings;
    this.webhooks = webhooks;
    this.scheduler = scheduler;
    this.counters = settings.counters();
    this.caches = new CacheStore(settings.limits(), settings.clock(), counters);
    this.accepted = new AcceptedLog(settings.limits(), counters);
    this.subscriptions = new Subscriptions(app, settings, lock, scheduler, channels, caches, this::emit);
    this.sweeps = new ConnectionSweeps(settings, app.id(), this::closed);
  }

  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  public LocalApp app() {
    return app;
  }

  public ServerSettings settings() {
    return settings;
  }

  // ---- connections ---------------------------------------------------------------------------

  public void open(Connection connection) {
    int open;
    synchronized (lock) {
      connections.put(connection.socketId(), connection);
      open = connections.size();
    }
    counters.connectionsOpened.increment();
    LOG.debug("{}: connection {} opened ({} open)", app.id(), connection.socketId(), open);
  }

  /** Forgets a connection: leaves its channels, signs it out. Safe to call more than once. */
  public void closed(Connection connection) {
    int open;
    synchronized (lock) {
      if (connection.gone) {
        return;
      }
      connection.gone = true;
      connections.remove(connection.socketId());
      for (String channel : new ArrayList<>(connection.channels)) {
        subscriptions.unsubscribe(connection, channel);
      }
      users.signOut(connection);
      open = connections.size();
    }
    counters.connectionsClosed.increment();
    LOG.debug("{}: connection {} closed ({} open)", app.id(), connection.socketId(), open);
  }

  /** Sends {@code pusher:error} and closes every connection, e.g. when the server stops. */
  public void closeAll(int code, String reason) {
    sweeps.closeAll(snapshot(), code, reason);
  }

  /** Pings connections silent for the activity timeout; closes with 4201 those silent after the pong timeout. */
  public void sweepIdle() {
    sweeps.idle(snapshot());
  }

  /** Counts connections that took none of their waiting messages for the stall grace as stalled; closes the stuck. */
  public void sweepStalled(long stallNanos) {
    sweeps.stalled(snapshot(), stallNanos);
  }

  private List<Connection> snapshot() {
    synchronized (lock) {
      return new ArrayList<>(connections.values());
    }
  }

  public int connectionCount() {
    synchronized (lock) {
      return connections.size();
    }
  }

  // ---- subscriptions (bookkeeping in Subscriptions) ---------------------------------------

  /**
   * Subscribes a connection whose authorization the caller has already checked.
   *
   * @param userId the presence member's user id (presence channels only)
   * @param userInfo the presence member's info (presence channels only)
   */
  public Refusal subscribe(Connection connection, String channel, String userId, JsonNode userInfo) {
    synchronized (lock) {
      return connection.gone ? null : subscriptions.subscribe(connection, channel, userId, userInfo);
    }
  }

  public void unsubscribe(Connection connection, String channel) {
    synchronized (lock) {
      subscriptions.unsubscribe(connection, channel);
    }
  }

  // ---- events --------------------------------------------------------------------------------

  /** Delivers an API event to every subscriber of each channel but the excluded socket. */
  public void publish(List<String> channelNames, String event, String data, String excludedSocketId) {
    int delivered = 0;
    synchronized (lock) {
      Instant now = settings.clock().instant();
      for (String channel : channelNames) {
        ChannelState state = channels.get(channel);
        if (state != null && !state.subscribers.isEmpty()) {
          // Encoded once per channel; every subscriber's outbox shares the bytes.
          ByteBuffer message = ByteBuffer.wrap(Messages.event(event, channel, data).getBytes(StandardCharsets.UTF_8));
          for (Connection subscriber : state.subscribers) {
            if (excludedSocketId == null || !subscriber.socketId().equals(excludedSocketId)) {
              subscriber.send(message);
              delivered++;
            }
          }
        }
        if (ChannelKind.isCache(channel)) {
          caches.put(channel, new CachedEvent(event, data, now.plus(settings.cacheTtl())));
        }
        accepted.record(new AcceptedEvent(AcceptedEvent.Source.API, channel, event, data,
            Optional.ofNullable(excludedSocketId), Optional.empty(), now));
      }
    }
    LOG.debug("{}: event {} published on {} ({} deliveries)", app.id(), event, channelNames, delivered);
  }

  /** Relays a client event after checking the rules that depend on state; null when relayed. */
  public Refusal clientEvent(Connection sender, String channel, String event, JsonNode data) {
    synchronized (lock) {
      ChannelState state = channels.get(channel);
      if (!sender.channels.contains(channel) || state == null) {
        return Refusal.of("Cannot broadcast client event (connection not subscribed to channel " + channel + ")");
      }
      long now = settings.nanoTime();
      if (now - sender.rateWindowStartNanos >= 1_000_000_000L) {
        sender.rateWindowStartNanos = now;
        sender.rateWindowCount = 0;
      }
      if (sender.rateWindowCount >= settings.limits().maxClientEventsPerSecond()) {
        return Refusal.of(CloseCodes.CLIENT_EVENT_REJECTED, "Client event rejected - only " + settings.limits().maxClientEventsPerSecond()
            + " client events per second are allowed");
      }
      sender.rateWindowCount++;
      String userId = state.kind == ChannelKind.PRESENCE ? state.userOf(sender) : null;
      String message = Messages.event(event, channel, data, userId);
      for (Connection subscriber : state.subscribers) {
        if (subscriber != sender) {
          subscriber.send(message);
        }
      }
      String dataText = data.isTextual() ? data.asText() : Json.write(data);
      ObjectNode hook = hook("client_event", channel).put("event", event).put("data", dataText)
          .put("socket_id", sender.socketId());
      if (userId != null) {
        hook.put("user_id", userId);
      }
      emit(hook);
      accepted.record(new AcceptedEvent(AcceptedEvent.Source.CLIENT, channel, event, dataText,
          Optional.of(sender.socketId()), Optional.ofNullable(userId), settings.clock().instant()));
      return null;
    }
  }

  /** Removes every expired cache entry; the server runs it periodically, so unread channels do not pin memory. */
  public void sweepCaches() {
    synchronized (lock) {
      caches.sweep();
    }
  }

  /** Cache channels holding an event now, expired or not yet swept included. */
  public int cachedChannelCount() {
    synchronized (lock) {
      return caches.size();
    }
  }

  // ---- users ---------------------------------------------------------------------------------

  /** Signs a connection in as a user whose signature the caller has checked. */
  public Refusal signIn(Connection connection, String userId, String userData, List<String> watchlist) {
    synchronized (lock) {
      if (connection.gone) {
        return null;
      }
      if (connection.userId != null && !connection.userId.equals(userId)) {
        return Refusal.closing(CloseCodes.UNAUTHORIZED, "Connection is already signed in as user " + connection.userId);
      }
      connection.send(Messages.signinSuccess(userData));
      if (connection.userId == null) {
        users.signIn(connection, userId, watchlist);
      }
    }
    LOG.debug("{}: connection {} signed in as user {}", app.id(), connection.socketId(), userId);
    return null;
  }

  /** Closes with 4009 every connection signed in as the user; returns how many. */
  public int terminate(String userId) {
    List<Connection> sessions;
    synchronized (lock) {
      sessions = users.sessionsOf(userId);
    }
    sweeps.closeAll(sessions, CloseCodes.UNAUTHORIZED, "You got disconnected by the app.");
    LOG.debug("{}: terminated {} connection(s) of user {}", app.id(), sessions.size(), userId);
    return sessions.size();
  }

  // ---- queries -------------------------------------------------------------------------------

  /** Occupied channels whose name starts with the prefix, sorted by name. */
  public List<ChannelView> occupied(String prefix) {
    synchronized (lock) {
      TreeMap<String, ChannelView> sorted = new TreeMap<>();
      channels.forEach((name, state) -> {
        if (prefix == null || name.startsWith(prefix)) {
          sorted.put(name, view(state));
        }
      });
      return List.copyOf(sorted.values());
    }
  }

  /** The channel's state, or empty when nobody is subscribed. */
  public Optional<ChannelView> channel(String name) {
    synchronized (lock) {
      ChannelState state = channels.get(name);
      return state == null ? Optional.empty() : Optional.of(view(state));
    }
  }

  /** Presence members, user id → user info, in join order; empty when the channel is vacant. */
  public Map<String, JsonNode> members(String channel) {
    synchronized (lock) {
      ChannelState state = channels.get(channel);
      return state == null ? Map.of() : state.members();
    }
  }

  /** The cached event of a cache channel, if any and not expired. */
  public Optional<CachedEvent> cache(String channel) {
    synchronized (lock) {
      return Optional.ofNullable(caches.get(channel));
    }
  }

  public List<AcceptedEvent> acceptedEvents() {
    synchronized (lock) {
      return accepted.list();
    }
  }

  public void clearAcceptedEvents() {
    synchronized (lock) {
      accepted.clear();
    }
  }

  private static ChannelView view(ChannelState state) {
    return new ChannelView(state.name, state.kind, state.subscribers.size(), state.memberCount());
  }

  static ObjectNode hook(String name, String channel) {
    return Json.object().put("name", name).put("channel", channel);
  }

  private boolean hasWebhooks() {
    return !app.webhookUrls().isEmpty();
  }

  private void emit(ObjectNode event) {
    if (hasWebhooks()) {
      webhooks.send(app, event);
    }
  }

  /** A channel as queries see it. */
  public record ChannelView(String name, ChannelKind kind, int subscriptionCount, int userCount) {}

  /** The last event of a cache channel. */
  public record CachedEvent(String event, String data, Instant expiresAt) {}

  // ---- faults and console (issue 20) ---------------------------------------------------------

  /** Closes one connection (by socket id) or every one (null) with this code; returns how many. */
  public int drop(String socketId, int code, String reason) {
    List<Connection> chosen = new ArrayList<>();
    synchronized (lock) {
      if (socketId == null) {
        chosen.addAll(connections.values());
      } else if (connections.containsKey(socketId)) {
        chosen.add(connections.get(socketId));
      }
    }
    for (Connection connection : chosen) {
      connection.send(Messages.error(code, reason, null));
      connection.close(code, reason);
      closed(connection);
    }
    return chosen.size();
  }

  /** Lets the debug console see every accepted event of this app. */
  public void tap(Tap tap) {
    synchronized (lock) {
      accepted.appId = app.id();
      accepted.tap = tap;
    }
  }

  /** One connection as the debug console shows it. */
  public record ConnectionInfo(String socketId, List<String> channels, String userId) {}

  /** Up to {@code max} connections, for the debug console. */
  public List<ConnectionInfo> connections(int max) {
    synchronized (lock) {
      List<ConnectionInfo> out = new ArrayList<>();
      for (Connection connection : connections.values()) {
        if (out.size() >= max) {
          break;
        }
        out.add(new ConnectionInfo(connection.socketId(), List.copyOf(connection.channels), connection.userId));
      }
      return out;
    }
  }
}
