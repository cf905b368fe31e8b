package dev.channels4j.spring.boot;

import dev.channels4j.ChannelCounts;
import dev.channels4j.Event;
import dev.channels4j.Publisher;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.springframework.util.ClassUtils;

/**
 * Publishes an event once the current transaction has committed, and never if it rolls back, so
 * that a browser reacting to {@code order-created} finds the order committed. Outside a
 * transaction (or without spring-tx) it publishes at once. The starter declares one as a bean when
 * the {@link Publisher} bean exists.
 *
 * <pre>{@code
 * @Transactional
 * public Order create(OrderRequest request, Principal user) {
 *   Order order = repository.save(new Order(user.getName(), request.item()));
 *   publisher.publish(Event.of("private-orders." + user.getName(), "order-created", order));
 *   return order;  // the event leaves after the commit
 * }
 * }</pre>
 *
 * <p>Events held for a transaction live in that transaction's synchronization (bounded by what the
 * transaction publishes); each is handed to the {@link Publisher} after the commit, whose queue is
 * bounded as its options say.
 */
public final class TransactionalPublisher {
  private static final boolean TRANSACTIONS = ClassUtils.isPresent(
      "org.springframework.transaction.support.TransactionSynchronizationManager",
      TransactionalPublisher.class.getClassLoader());

  private final Publisher publisher;

  public TransactionalPublisher(Publisher publisher) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  /**
   * Publishes the event after the current transaction commits, or now when there is none.
   *
   * @return the outcome of publishing; cancelled ({@link CancellationException}) when the
   *     transaction rolled back and the event was dropped
   */
  public CompletableFuture<ChannelCounts> publish(Event event) {
    Objects.requireNonNull(event, "event");
    if (TRANSACTIONS && AfterCommit.active()) {
      CompletableFuture<ChannelCounts> outcome = new CompletableFuture<>();
      AfterCommit.register(() -> forward(event, outcome), () -> outcome.cancel(false));
      return outcome;
    }
    return publisher.publish(event);
  }

  private void forward(Event event, CompletableFuture<ChannelCounts> outcome) {
    try {
      publisher.publish(event).whenComplete((counts, error) -> {
        if (error != null) {
          outcome.completeExceptionally(error);
        } else {
          outcome.complete(counts);
        }
      });
    } catch (RuntimeException e) {
      outcome.completeExceptionally(e);
    }
  }

  @Override
  public String toString() {
    return "TransactionalPublisher[" + publisher + "]";
  }

  /** Kept apart so that spring-tx is loaded only when present. */
  private static final class AfterCommit {
    static boolean active() {
      return org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive();
    }

    static void register(Runnable onCommit, Runnable onRollback) {
      org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status == STATUS_COMMITTED) {
                onCommit.run();
              } else {
                onRollback.run();
              }
            }
          });
    }
  }
}
