package dev.channels4j.local.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.local.internal.Json;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One occupied channel: its subscribers and, for presence channels, its members keyed by user id. */
final class ChannelState {
  final String name;
  final ChannelKind kind;
  final Set<Connection> subscribers = new LinkedHashSet<>();
  /** Presence only: which user each connection joined as. */
  private final Map<Connection, String> userOf = new HashMap<>();
  /** Presence only: user id → member, in join order. */
  private final Map<String, Member> members = new LinkedHashMap<>();
  /** When subscription_count was last sent (the server ticker), for the throttle above 100 subscribers. */
  long countSentNanos = Long.MIN_VALUE;
  /** A throttled subscription_count is scheduled: later changes ride on it. */
  boolean countScheduled;

  ChannelState(String name, ChannelKind kind) {
    this.name = name;
    this.kind = kind;
  }

  boolean hasMember(String userId) {
    return members.containsKey(userId);
  }

  int memberCount() {
    return members.size();
  }

  /** Adds a connection as a member; true when it is the user's first connection here. */
  boolean join(Connection connection, String userId, JsonNode userInfo) {
    userOf.put(connection, userId);
    Member member = members.get(userId);
    if (member == null) {
      members.put(userId, new Member(userInfo, 1));
      return true;
    }
    member.connections++;
    return false;
  }

  /** Removes a connection's membership; returns the user id when it was the user's last connection. */
  String leave(Connection connection) {
    String userId = userOf.remove(connection);
    if (userId == null) {
      return null;
    }
    Member member = members.get(userId);
    if (--member.connections == 0) {
      members.remove(userId);
      return userId;
    }
    return null;
  }

  String userOf(Connection connection) {
    return userOf.get(connection);
  }

  /** The {@code {"presence":{"ids":[..],"hash":{..},"count":n}}} snapshot. */
  String presenceData() {
    ObjectNode presence = Json.object();
    ObjectNode root = presence.putObject("presence");
    ArrayNode ids = root.putArray("ids");
    ObjectNode hash = root.putObject("hash");
    members.forEach((id, member) -> {
      ids.add(id);
      hash.set(id, member.info);
    });
    root.put("count", members.size());
    return Json.write(presence);
  }

  Map<String, JsonNode> members() {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    members.forEach((id, member) -> copy.put(id, member.info.deepCopy()));
    return copy;
  }

  private static final class Member {
    final JsonNode info;
    int connections;

    Member(JsonNode info, int connections) {
      this.info = info;
      this.connections = connections;
    }
  }
}
