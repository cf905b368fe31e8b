package dev.channels4j.local.internal.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.local.internal.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signed-in users of one app: which connections each user has, and who watches whom. A user is
 * online while at least one of its connections is signed in; watchers hear when that changes.
 * Not thread-safe: {@link AppState} calls it under its lock.
 */
final class UserSessions {
  private final Map<String, Set<Connection>> sessions = new HashMap<>();
  private final Map<String, Set<Connection>> watchers = new HashMap<>();

  /** Registers a first sign-in of the connection; sends the watchlist's initial state and tells watchers. */
  void signIn(Connection connection, String userId, List<String> watchlist) {
    Set<Connection> own = sessions.computeIfAbsent(userId, id -> new LinkedHashSet<>());
    boolean cameOnline = own.isEmpty();
    own.add(connection);
    connection.userId = userId;
    connection.watchlist = List.copyOf(watchlist);
    if (cameOnline) {
      notifyWatchers(userId, "online");
    }
    if (connection.watchlist.isEmpty()) {
      return;
    }
    List<String> online = new ArrayList<>();
    List<String> offline = new ArrayList<>();
    for (String watched : connection.watchlist) {
      watchers.computeIfAbsent(watched, id -> new LinkedHashSet<>()).add(connection);
      (sessions.containsKey(watched) ? online : offline).add(watched);
    }
    ArrayNode events = Json.MAPPER.createArrayNode();
    if (!online.isEmpty()) {
      event(events, "online", online);
    }
    if (!offline.isEmpty()) {
      event(events, "offline", offline);
    }
    connection.send(Messages.watchlistEvents(events));
  }

  /** Forgets a connection's sign-in; tells watchers when it was the user's last connection. */
  void signOut(Connection connection) {
    String userId = connection.userId;
    if (userId == null) {
      return;
    }
    for (String watched : connection.watchlist) {
      Set<Connection> set = watchers.get(watched);
      if (set != null && set.remove(connection) && set.isEmpty()) {
        watchers.remove(watched);
      }
    }
    Set<Connection> own = sessions.get(userId);
    if (own != null && own.remove(connection) && own.isEmpty()) {
      sessions.remove(userId);
      notifyWatchers(userId, "offline");
    }
  }

  /** The connections signed in as the user. */
  List<Connection> sessionsOf(String userId) {
    Set<Connection> own = sessions.get(userId);
    return own == null ? List.of() : new ArrayList<>(own);
  }

  private void notifyWatchers(String userId, String name) {
    Set<Connection> set = watchers.get(userId);
    if (set == null || set.isEmpty()) {
      return;
    }
    ArrayNode events = Json.MAPPER.createArrayNode();
    event(events, name, List.of(userId));
    String message = Messages.watchlistEvents(events);
    set.forEach(c -> c.send(message));
  }

  private static void event(ArrayNode events, String name, List<String> userIds) {
    ObjectNode event = events.addObject().put("name", name);
    ArrayNode ids = event.putArray("user_ids");
    userIds.forEach(ids::add);
  }
}
