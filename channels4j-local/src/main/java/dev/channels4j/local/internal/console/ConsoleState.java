package dev.channels4j.local.internal.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.local.Faults;
import dev.channels4j.local.internal.Json;
import dev.channels4j.local.internal.state.AppRegistry;
import dev.channels4j.local.internal.state.AppState;
import dev.channels4j.local.internal.state.ChannelKind;

/**
 * What the console draws: per app its connections (socket id, channels, signed-in user), its
 * occupied channels with their counts and presence members, and the faults waiting. No secret:
 * the app's key is public (pages connect with it), its secret is never read here. Bounded: at most
 * {@value #MAX_LISTED} connections and channels per app, and members of that many presence channels.
 */
final class ConsoleState {
  static final int MAX_LISTED = 200;

  private final AppRegistry registry;
  private final Faults faults;

  ConsoleState(AppRegistry registry, Faults faults) {
    this.registry = registry;
    this.faults = faults;
  }

  String json() {
    ObjectNode root = Json.object();
    ArrayNode apps = root.putArray("apps");
    for (AppState app : registry.all()) {
      ObjectNode node = apps.addObject().put("id", app.app().id()).put("key", app.app().key())
          .put("clientEvents", app.app().clientEvents()).put("connectionCount", app.connectionCount());
      ArrayNode connections = node.putArray("connections");
      for (AppState.ConnectionInfo info : app.connections(MAX_LISTED)) {
        ObjectNode connection = connections.addObject().put("socketId", info.socketId());
        if (info.userId() != null) {
          connection.put("userId", info.userId());
        }
        ArrayNode channels = connection.putArray("channels");
        info.channels().forEach(channels::add);
      }
      ArrayNode channels = node.putArray("channels");
      int listed = 0;
      for (AppState.ChannelView channel : app.occupied(null)) {
        if (listed++ >= MAX_LISTED) {
          break;
        }
        ObjectNode view = channels.addObject().put("name", channel.name())
            .put("kind", channel.kind().name().toLowerCase(java.util.Locale.ROOT))
            .put("subscriptionCount", channel.subscriptionCount());
        if (channel.kind() == ChannelKind.PRESENCE) {
          view.put("userCount", channel.userCount());
          ObjectNode members = view.putObject("members");
          app.members(channel.name()).forEach(members::set);
        }
      }
    }
    ArrayNode waiting = root.putArray("faults");
    faults.describe().forEach(waiting::add);
    return Json.write(root);
  }
}
