/**
 * JUnit 5 support for testing realtime features against a {@link dev.channels4j.local.LocalServer}:
 * {@link dev.channels4j.testkit.LocalChannelsTest} / {@link dev.channels4j.testkit.LocalChannelsExtension}
 * start a server and inject it, a {@code ChannelsClient} and connected
 * {@link dev.channels4j.testkit.TestSubscriber}s, which can also authorize through the
 * application's own endpoint ({@link dev.channels4j.testkit.AuthEndpoint}). Artifact
 * {@code dev.channels4j:channels4j-testkit}, test scope; it brings {@code junit-jupiter-api} (your
 * managed version wins) and the local server, whose Jetty is relocated inside it, so it works next
 * to any Jetty the application uses.
 *
 * <pre>{@code
 * @LocalChannelsTest
 * class FeedTest {
 *   @Test
 *   void publishes(ChannelsClient client, TestSubscriber subscriber) {
 *     subscriber.subscribe("feed");
 *     client.trigger("feed", "item", Map.of("id", 1));
 *     subscriber.awaitEvent("feed", "item");
 *   }
 * }
 * }</pre>
 */
package dev.channels4j.testkit;
