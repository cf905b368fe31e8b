package dev.channels4j;

/**
 * Hears of every request a client sends: each attempt, once its answer (or its failure) is known.
 * For metrics and tracing without wrapping the transport. Set with
 * {@link ChannelsClient.Builder#requestListener(RequestListener)}.
 *
 * <p>Called on the thread that completed the attempt: the caller's for blocking calls, an HTTP I/O
 * thread for {@code async()} calls and the {@link Publisher}. Keep it quick and non-blocking (count,
 * time, hand off). A listener that throws does not affect the request: the exception is logged once
 * at DEBUG on {@code dev.channels4j.http} and ignored from then on.
 *
 * <pre>{@code
 * ChannelsClient client = ChannelsClient.builder()
 *     .appId("123").key("key").secret("secret").cluster("eu")
 *     .requestListener(event -> timer(event.operation(), event.outcome()).record(event.duration()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface RequestListener {
  /** One attempt of one request ended. */
  void requestCompleted(RequestEvent event);
}
