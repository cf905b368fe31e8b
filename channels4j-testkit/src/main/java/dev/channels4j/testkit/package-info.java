/**
 * JUnit 5 support for testing realtime features against a {@link dev.channels4j.local.LocalServer}:
 * {@link dev.channels4j.testkit.LocalChannelsTest} / {@link dev.channels4j.testkit.LocalChannelsExtension}
 * start a server and inject it, a {@code ChannelsClient} and connected
 * {@link dev.channels4j.testkit.TestSubscriber}s. The JUnit API is an optional dependency of this
 * module: add {@code junit-jupiter} to your test classpath as usual.
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
