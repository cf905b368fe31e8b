package dev.channels4j.internal.socket;

/**
 * Not API. The close codes of Pusher's WebSocket protocol, named once for the local server (which
 * sends them) and the protocol client (which reports them). Pusher also sends the same numbers as
 * the {@code code} of a {@code pusher:error} message, sometimes without closing (4301, 4302).
 *
 * <p>Why here: channels4j-core is the one module both the local server and the protocol client
 * already depend on, and neither may depend on the other at compile scope; the package is exported
 * only to those two modules (see core's {@code module-info}). Core itself speaks HTTP, not the
 * WebSocket protocol, and does not use these numbers.
 *
 * <p>What the ranges tell a client such as pusher-js (Pusher's protocol specification):
 * 4000-4099 do not reconnect unchanged, 4100-4199 reconnect after a backoff (at least 1 s),
 * 4200-4299 reconnect at once. Tests keep the literal numbers where they assert what goes on the wire.
 *
 * <pre>{@code
 * session.close(CloseCodes.OVER_CAPACITY, "Over capacity", Callback.NOOP);
 * }</pre>
 */
public final class CloseCodes {
  /** The lowest Pusher code; codes below are the WebSocket protocol's own (RFC 6455). */
  public static final int FIRST_PUSHER = 4000;
  /** The highest code the Pusher range allows. */
  public static final int LAST_PUSHER = 4999;

  /** No app has the key the client connected with. Do not reconnect. */
  public static final int APP_UNKNOWN = 4001;
  /** The app is disabled. Do not reconnect. */
  public static final int APP_DISABLED = 4003;
  /** The client asked for a protocol version the server does not speak. Do not reconnect. */
  public static final int UNSUPPORTED_PROTOCOL = 4007;
  /** The client named no protocol version. Do not reconnect. */
  public static final int NO_PROTOCOL = 4008;
  /** Not authorized: a failed or timed-out sign-in, or the app terminated the user's connections. */
  public static final int UNAUTHORIZED = 4009;
  /** Over capacity (here: the connection did not read its messages fast enough). Reconnect after a backoff. */
  public static final int OVER_CAPACITY = 4100;
  /** Generic "reconnect now", sent when the server shuts down. */
  public static final int RECONNECT = 4200;
  /** The client did not answer a ping in time. Reconnect at once. */
  public static final int PONG_NOT_RECEIVED = 4201;
  /** A client event was rejected (over the rate limit); an error, the connection stays open. */
  public static final int CLIENT_EVENT_REJECTED = 4301;
  /** A watchlist longer than the limit; an error, the connection stays open. */
  public static final int WATCHLIST_LIMIT = 4302;

  /** WebSocket (RFC 6455): this side closed the connection normally. */
  public static final int NORMAL = 1000;
  /** WebSocket (RFC 6455): the connection ended without a close frame (never sent on the wire). */
  public static final int ABNORMAL = 1006;

  private CloseCodes() {}

  /** Whether {@code code} is in the range Pusher reserves for its own close codes. */
  public static boolean isPusherCode(int code) {
    return code >= FIRST_PUSHER && code <= LAST_PUSHER;
  }
}
