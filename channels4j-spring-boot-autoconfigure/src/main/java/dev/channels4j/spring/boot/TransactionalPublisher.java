package dev.channels4j.spring.boot;

import dev.channels4j.ChannelCounts;
import dev.channels4j.Event;
import dev.channels4j.Publisher;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
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
 *   publisher.toOthers().publish(Event.of("private-orders." + user.getName(), "order-created", order));
 *   return order;  // the event leaves after the commit, to every subscriber but the sender's tab
 * }
 * }</pre>
 *
 * <p><b>Rollback.</b> The future of an event dropped by a rollback completes normally with
 * {@link #NOT_PUBLISHED} (compare with {@code ==}), so the usual
 * {@code whenComplete((counts, error) -> { if (error != null) log.warn(...); })} stays quiet on
 * rollbacks and warns only when Channels did not take an event.
 *
 * <p><b>Durable, with Spring Modulith.</b> When the application uses Modulith's event publication
 * registry, each event is written to that registry inside the transaction and marked completed once
 * Channels accepted it; see {@link ChannelsPublicationDelivery}. Otherwise events held for a
 * transaction live in that transaction's synchronization (bounded by what the transaction
 * publishes) and are lost if the application stops between the commit and the delivery.
 */
public final class TransactionalPublisher {
  /**
   * The result of an event whose transaction rolled back: it was not published. Empty counts, told
   * apart from a delivered event's by identity ({@code counts == NOT_PUBLISHED}).
   */
  public static final ChannelCounts NOT_PUBLISHED = new ChannelCounts(OptionalInt.empty(), OptionalInt.empty());

  private static final boolean TRANSACTIONS = ClassUtils.isPresent(
      "org.springframework.transaction.support.TransactionSynchronizationManager",
      TransactionalPublisher.class.getClassLoader());
  private static final boolean SERVLET_REQUESTS = ClassUtils.isPresent(
      "org.springframework.web.context.request.RequestContextHolder", TransactionalPublisher.class.getClassLoader())
      && ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest", TransactionalPublisher.class.getClassLoader());
  private static final Pattern SOCKET_ID = Pattern.compile("\\d{1,20}\\.\\d{1,20}");

  private final Publisher publisher;
  private final ChannelsPublicationDelivery durable;
  private final boolean toOthers;

  public TransactionalPublisher(Publisher publisher) {
    this(publisher, null, false);
  }

  /** Records each event held for a transaction in Spring Modulith's registry through {@code durable}. */
  public TransactionalPublisher(Publisher publisher, ChannelsPublicationDelivery durable) {
    this(publisher, Objects.requireNonNull(durable, "durable"), false);
  }

  private TransactionalPublisher(Publisher publisher, ChannelsPublicationDelivery durable, boolean toOthers) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.durable = durable;
    this.toOthers = toOthers;
  }

  /**
   * This publisher, excluding the sender: when the current HTTP request carries an
   * {@code X-Socket-ID} header (pusher-js's {@code pusher.connection.socket_id}, as Laravel Echo
   * sends it), the events leave for every connection but that one (Laravel's {@code toOthers()}).
   * Without such a request or header, or with a header that is no socket id, events go to all.
   * Servlet applications; elsewhere use {@link Event#excluding(String)}.
   */
  public TransactionalPublisher toOthers() {
    return toOthers ? this : new TransactionalPublisher(publisher, durable, true);
  }

  /**
   * Publishes the event after the current transaction commits, or now when there is none.
   *
   * @return the outcome of publishing; {@link #NOT_PUBLISHED} when the transaction rolled back
   */
  public CompletableFuture<ChannelCounts> publish(Event event) {
    Objects.requireNonNull(event, "event");
    Event chosen = toOthers ? SenderSocket.exclude(event) : event;
    if (TRANSACTIONS && AfterCommit.active()) {
      CompletableFuture<ChannelCounts> outcome = new CompletableFuture<>();
      if (durable != null) {
        durable.record(chosen, outcome);
        AfterCommit.register(() -> { }, () -> outcome.complete(NOT_PUBLISHED));
      } else {
        AfterCommit.register(() -> forward(chosen, outcome), () -> outcome.complete(NOT_PUBLISHED));
      }
      return outcome;
    }
    return publisher.publish(chosen);
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
    return "TransactionalPublisher[" + publisher + (durable != null ? ", durable" : "")
        + (toOthers ? ", toOthers" : "") + "]";
  }

  /** Kept apart so that spring-web and the servlet API are loaded only when present. */
  private static final class SenderSocket {
    static Event exclude(Event event) {
      if (!SERVLET_REQUESTS) {
        return event;
      }
      String socketId = header();
      return socketId != null && SOCKET_ID.matcher(socketId).matches() ? event.excluding(socketId) : event;
    }

    private static String header() {
      if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
          instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
        String value = attributes.getRequest().getHeader("X-Socket-ID");
        return value == null ? null : value.trim();
      }
      return null;
    }
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
