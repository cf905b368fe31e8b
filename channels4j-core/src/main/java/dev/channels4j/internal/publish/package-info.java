/**
 * Not API. {@code BatchingPublisher}, the {@code Publisher} behind {@code ChannelsClient.publisher()}:
 * lanes per channel, drained into batch requests that go through the same pipeline as a trigger.
 */
package dev.channels4j.internal.publish;
