package dev.channels4j.interop;

/**
 * The scenarios against soketi 1.6.1. Differences from Pusher that these scenarios meet, and
 * which the tests accept rather than hide:
 *
 * <ul>
 *   <li>A successful trigger answers {@code {"ok":true}} instead of {@code {}}, and errors come
 *       as HTTP 200 with an {@code {"error","code"}} body; our client reads both.
 *   <li>Turning on user authentication also turns on "authorized connections" (a connection must
 *       sign in or join a private/presence channel within a timeout); see {@link SoketiServer}.
 *   <li>Webhooks are sent at once (no 3 s delay for vacated/member_removed) and never retried, and
 *       a client_event's {@code data} is the JSON value the client sent, not a string.
 *   <li>{@code #server-to-user-<id>} channels can be subscribed by any connection; Pusher allows
 *       only the signed-in user (pusher-js subscribes it only after sign-in, so the tests do not
 *       depend on it).
 *   <li>A user id outside the channel-name alphabet (like {@code auth0|123}) can sign in, but its
 *       {@code #server-to-user-} channel is refused as a restricted channel name, so sendToUser
 *       cannot reach it; and {@code terminate_connections} takes the raw, still percent-encoded
 *       path parameter as the id, so it finds no such user (the signature of the escaped path is
 *       accepted).
 * </ul>
 */
class SoketiScenariosTest extends ServerScenarios {
  @Override
  PusherServer.Factory serverFactory() {
    return SoketiServer::start;
  }

  @Override
  boolean decodesUserIdsInPaths() {
    return false;
  }
}
