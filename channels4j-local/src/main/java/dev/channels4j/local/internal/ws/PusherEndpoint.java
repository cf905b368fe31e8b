package dev.channels4j.local.internal.ws;

import dev.channels4j.local.internal.state.AppState;
import dev.channels4j.local.internal.state.Connection;
import dev.channels4j.local.internal.state.Messages;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection on {@code /app/<key>}. Jetty requires the endpoint class to be public;
 * it is not part of the API. A refused connection (unknown key, unsupported protocol) gets
 * {@code pusher:error} and is closed with the same code; otherwise messages go to a
 * {@link ProtocolHandler}.
 */
public final class PusherEndpoint implements Session.Listener.AutoDemanding {
  private static final Logger LOG = LoggerFactory.getLogger("dev.channels4j.local.ws");
  private static final AtomicLong SOCKET_COUNTER = new AtomicLong(ThreadLocalRandom.current().nextInt(1000, 100_000));

  private final AppState app;
  private final Executor executor;
  private final Integer refusalCode;
  private final String refusalMessage;
  private volatile SessionConnection connection;
  private volatile ProtocolHandler handler;
  private final AtomicBoolean pongUnwritten = new AtomicBoolean();

  private PusherEndpoint(AppState app, Executor executor, Integer refusalCode, String refusalMessage) {
    this.app = app;
    this.executor = executor;
    this.refusalCode = refusalCode;
    this.refusalMessage = refusalMessage;
  }

  /** An endpoint for an accepted connection; its writes run on the executor. */
  public static PusherEndpoint accept(AppState app, Executor executor) {
    return new PusherEndpoint(app, executor, null, null);
  }

  /** An endpoint that tells the client why it is refused, then closes. */
  public static PusherEndpoint refuse(int code, String message) {
    return new PusherEndpoint(null, null, code, message);
  }

  @Override
  public void onWebSocketOpen(Session session) {
    if (refusalCode != null) {
      LOG.debug("refused connection from {}: {} {}", session.getRemoteSocketAddress(), refusalCode, refusalMessage);
      session.sendText(Messages.error(refusalCode, refusalMessage, null), Callback.NOOP);
      session.close(refusalCode, refusalMessage, Callback.NOOP);
      return;
    }
    String socketId = SOCKET_COUNTER.incrementAndGet() + "." + ThreadLocalRandom.current().nextInt(1, 1_000_000_000);
    SessionConnection opened = new SessionConnection(socketId, session, app, executor);
    this.connection = opened;
    this.handler = new ProtocolHandler(app, opened);
    app.open(opened);
    opened.send(Messages.connectionEstablished(socketId, app.settings().activityTimeout().toSeconds()));
  }

  @Override
  public void onWebSocketText(String message) {
    touch();
    ProtocolHandler current = handler;
    if (current != null) {
      current.onMessage(message);
    }
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    touch();
    ProtocolHandler current = handler;
    if (current != null) {
      current.refuseBinary();
    }
    callback.succeed();
  }

  @Override
  public void onWebSocketPing(ByteBuffer payload) {
    SessionConnection current = connection;
    if (current != null) {
      current.touch();
      // Jetty queues control frames without limit (maxOutgoingFrames counts data frames only), so
      // a client that pings and never reads would grow that queue for ever. RFC 6455 (5.5.3) lets
      // an endpoint skip pongs for pings it has not answered yet; this skips those that arrive
      // while a pong is still waiting to be written.
      if (pongUnwritten.compareAndSet(false, true)) {
        current.session.sendPong(payload,
            Callback.from(() -> pongUnwritten.set(false), failed -> pongUnwritten.set(false)));
      }
    }
  }

  @Override
  public void onWebSocketPong(ByteBuffer payload) {
    touch();
  }

  private void touch() {
    SessionConnection current = connection;
    if (current != null) {
      current.touch();
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    SessionConnection current = connection;
    if (current != null) {
      current.closed();
      app.closed(current);
    }
    callback.succeed();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    LOG.debug("connection error", cause);
    SessionConnection current = connection;
    if (current != null) {
      current.closed();
      app.closed(current);
    }
  }
}
