package dev.channels4j.local.internal.state;

import dev.channels4j.internal.socket.CloseCodes;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server's periodic sweeps and its shutdown do to an app's connections, on a snapshot
 * taken under the app's lock and worked through outside it (sends only queue; closes go through
 * the app state's {@code closed}).
 */
final class ConnectionSweeps {
  private static final Logger LOG = LoggerFactory.getLogger("dev.channels4j.local");

  private final ServerSettings settings;
  private final String appId;
  private final Consumer<Connection> closed;

  ConnectionSweeps(ServerSettings settings, String appId, Consumer<Connection> closed) {
    this.settings = settings;
    this.appId = appId;
    this.closed = closed;
  }

  /** Sends {@code pusher:error} with the code, closes each connection with it and forgets it. */
  void closeAll(List<Connection> connections, int code, String reason) {
    for (Connection connection : connections) {
      connection.send(Messages.error(code, reason, null));
      connection.close(code, reason);
      closed.accept(connection);
    }
  }

  /**
   * Liveness, as Pusher does it: a connection silent for the activity timeout gets
   * {@code pusher:ping}; one still silent after the pong timeout is closed with 4201.
   */
  void idle(List<Connection> connections) {
    long now = settings.nanoTime();
    long activity = settings.activityTimeout().toNanos();
    long pong = settings.pongTimeout().toNanos();
    for (Connection connection : connections) {
      long idle = connection.idleNanos(now);
      if (connection.pingSent && idle >= activity + pong) {
        LOG.debug("{}: closing connection {}: no activity for {} ms", appId, connection.socketId(), idle / 1_000_000);
        closeAll(List.of(connection), CloseCodes.PONG_NOT_RECEIVED, "Pong reply not received");
      } else if (!connection.pingSent && idle >= activity) {
        connection.pingSent = true;
        connection.send(Messages.ping());
      }
    }
  }

  /**
   * Counts connections that have had messages waiting and taken none for the stall grace as stalled
   * (closing those that do not fit in the stalled backlog) and closes, with 4100, those stalled for
   * the stall timeout.
   */
  void stalled(List<Connection> connections, long stallNanos) {
    long now = settings.nanoTime();
    for (Connection connection : connections) {
      connection.closeIfStalled(now, stallNanos);
    }
  }
}
