/**
 * A Pusher-compatible local server: {@link dev.channels4j.local.LocalServer} serves the Channels
 * HTTP API and WebSocket protocol on one port for development and tests, configured with
 * {@link dev.channels4j.local.LocalApp} and {@link dev.channels4j.local.Limits}; run it standalone
 * with {@link dev.channels4j.local.Main}. Everything under {@code internal} may change without notice.
 *
 * <pre>{@code
 * try (LocalServer server = LocalServer.builder().port(0).build().start();
 *      ChannelsClient client = ChannelsClient.fromUrl(server.pusherUrl())) {
 *   client.trigger("orders", "created", Map.of("id", 42));
 * }
 * }</pre>
 */
package dev.channels4j.local;
