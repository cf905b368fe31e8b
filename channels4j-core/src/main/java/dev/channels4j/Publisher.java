package dev.channels4j;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes single events at a high rate by grouping them into batch requests
 * ({@code POST /batch_events}, up to the batch limit per request). Obtain one with
 * {@link ChannelsClient#publisher()} or {@link ChannelsClient#publisher(PublisherOptions)};
 * thread-safe; close it before the client ({@link ChannelsClient#close()} closes a publisher still
 * open without waiting for its events).
 *
 * <p>What it promises:
 * <ul>
 *   <li>each event's future completes exactly once, with the attributes it asked for
 *       ({@link Event#withInfo}) or with the error of the request that carried it: a failed request
 *       fails exactly its own events;
 *   <li>events of one channel are sent in the order they were published: a channel never has two
 *       requests in flight, so a later batch cannot overtake an earlier one (the default,
 *       {@link PublisherOptions.Ordering#PER_CHANNEL}; {@link PublisherOptions.Ordering#NONE} gives
 *       up this promise for throughput on hot channels);
 *   <li>an event that is invalid fails its own future with a {@link ValidationException} and is
 *       never sent; the others are unaffected;
 *   <li>{@link #flush()} delivers every event accepted before it was called; {@link #close()}
 *       does too, within {@link #DEFAULT_CLOSE_TIMEOUT} (or the bound given to
 *       {@link #close(Duration)}): what is not delivered by then fails, and the call returns.
 * </ul>
 *
 * <p>Closing the {@link ChannelsClient} that made a publisher fails whatever the publisher still
 * holds, at once: close publishers first to let their events go out.
 *
 * <p>A request is sent when a full batch is ready, or when the oldest waiting event has lingered
 * for {@link PublisherOptions.Builder#linger linger}, while fewer requests than the window are in
 * flight. The window adapts between {@link PublisherOptions.Builder#minInFlightRequests
 * minInFlightRequests} and {@link PublisherOptions.Builder#maxInFlightRequests maxInFlightRequests}:
 * it grows while answers come back as fast as they did unloaded, and shrinks when they slow down or
 * fail with 429, 5xx or a transport error ({@link PublisherStats#inFlightLimit()}). When the queue
 * is full, {@link #publish} waits or fails fast, as {@link PublisherOptions.Backpressure} says.
 *
 * <p>Futures complete on the HTTP client's I/O threads: a callback must not block, and must not
 * call {@link #flush()}, {@link #close()} or a waiting {@link #publish} (that could wait for itself).
 *
 * <pre>{@code
 * try (Publisher publisher = client.publisher()) {
 *   for (Order order : orders) {
 *     publisher.publish(Event.of("orders-" + order.shop(), "created", order))
 *         .whenComplete((counts, error) -> { if (error != null) log.warn("not published", error); });
 *   }
 * } // close() waits until every event above has its outcome
 * }</pre>
 */
public interface Publisher extends AutoCloseable {
  /**
   * How long {@link #close()} waits for accepted events to be delivered: 10 seconds, twice the
   * client's default request timeout.
   */
  Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Accepts one event for publishing. Encrypted channels, {@link Event#excluding socket ids} and
   * {@link Event#withInfo info} work as in {@link ChannelsClient#triggerBatch}.
   *
   * @return a future completed with the event's channel attributes (empty counts when none were
   *     asked), or failed with a {@link ValidationException}, {@link ApiException},
   *     {@link TransportException} or {@link PublishRejectedException}
   */
  CompletableFuture<ChannelCounts> publish(Event event);

  /**
   * Sends every waiting event without waiting for the linger, and blocks until every event accepted
   * before this call has completed (successfully or not). Events published meanwhile are not waited for.
   */
  void flush();

  /**
   * {@link #close(Duration)} with {@link #DEFAULT_CLOSE_TIMEOUT}: returns within about 10 seconds,
   * whatever the server does.
   */
  @Override
  void close();

  /**
   * Stops accepting events ({@link #publish} then fails with {@link PublishRejectedException}),
   * sends every accepted event, and blocks until each has completed or {@code timeout} has passed.
   * Then whatever is not delivered fails at once: events never sent with a
   * {@link PublishRejectedException} ({@code CLOSED}), events whose request is still in flight with
   * a {@link TransportException} ({@code TIMEOUT}: they may or may not have been published). Each
   * future completes exactly once. Idempotent; {@code Duration.ZERO} fails everything not yet
   * delivered at once.
   *
   * <pre>{@code
   * publisher.close(Duration.ofSeconds(2)); // at shutdown, when 2 s is all there is
   * }</pre>
   */
  void close(Duration timeout);

  /**
   * The publisher's counters now: events queued, requests in flight and the window, events sent
   * and failed.
   * Thread-safe and cheap (no lock): call it as often as a metrics scraper likes.
   */
  PublisherStats stats();
}
