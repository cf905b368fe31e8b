/**
 * A Pusher-compatible local server: {@link dev.channels4j.local.LocalServer} serves the Channels
 * HTTP API and WebSocket protocol on one port for development and tests, configured with
 * {@link dev.channels4j.local.LocalApp} and {@link dev.channels4j.local.Limits}; run it standalone
 * with {@code ./channels4j serve} (module channels4j-cli), or in JUnit 5 tests with the test kit
 * (module channels4j-testkit). Everything under {@code internal} may change without notice; that
 * includes the Jetty this jar carries, relocated to {@code dev.channels4j.local.internal.jetty}.
 *
 * <pre>{@code
 * try (LocalServer server = LocalServer.builder().port(0).build().start();
 *      ChannelsClient client = ChannelsClient.fromUrl(server.pusherUrl())) {
 *   client.trigger("orders", "created", Map.of("id", 42));
 * }
 * }</pre>
 */
package dev.channels4j.local;
