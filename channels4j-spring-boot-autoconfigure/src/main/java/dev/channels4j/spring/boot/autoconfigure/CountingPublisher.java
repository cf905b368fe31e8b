package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelCounts;
import dev.channels4j.Event;
import dev.channels4j.Publisher;
import dev.channels4j.PublisherStats;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The starter's {@link Publisher} bean: the client's publisher, telling listeners how each event's
 * future ended (with {@code null} on success, else its failure), so that the meters count events as
 * they end rather than reading totals. Free of Micrometer: the meters attach a listener when bound.
 * The future handed back is the publisher's own, so cancelling it behaves as without this class.
 */
final class CountingPublisher implements Publisher {
  private final Publisher delegate;
  // Written once per registry bound at start-up, read on every outcome.
  private final List<Consumer<Throwable>> listeners = new CopyOnWriteArrayList<>();

  CountingPublisher(Publisher delegate) {
    this.delegate = delegate;
  }

  void onOutcome(Consumer<Throwable> listener) {
    listeners.add(listener);
  }

  @Override
  public CompletableFuture<ChannelCounts> publish(Event event) {
    CompletableFuture<ChannelCounts> future = delegate.publish(event);
    future.whenComplete((counts, failure) -> listeners.forEach(listener -> listener.accept(failure)));
    return future;
  }

  @Override
  public void flush() {
    delegate.flush();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public void close(Duration timeout) {
    delegate.close(timeout);
  }

  @Override
  public PublisherStats stats() {
    return delegate.stats();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
