package dev.channels4j.examples.reactive;

import dev.channels4j.Event;
import dev.channels4j.Publisher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Orders in memory (at most 1000, oldest dropped), each announced on its owner's private channel.
 * {@link Publisher#publish} never blocks: it hands the event to the publisher's bounded queue, so it
 * is safe on an event-loop thread.
 */
@Service
public class OrderService {
  private static final Logger log = LoggerFactory.getLogger(OrderService.class);
  private static final int MAX_ORDERS = 1000;

  private final Publisher publisher;
  private final Clock clock = Clock.systemUTC();
  private final AtomicLong ids = new AtomicLong();
  private final List<Order> orders = new ArrayList<>();

  public OrderService(Publisher publisher) {
    this.publisher = publisher;
  }

  public Order create(String owner, String item) {
    Order order = new Order(ids.incrementAndGet(), owner, item, clock.instant());
    synchronized (orders) {
      if (orders.size() == MAX_ORDERS) {
        orders.remove(0);
      }
      orders.add(order);
    }
    publisher.publish(Event.of(OrderChannels.ordersOf(owner), "order-created", order))
        .whenComplete((counts, error) -> {
          if (error != null) {
            log.warn("order {} not announced: {}", order.id(), error.toString());
          }
        });
    return order;
  }

  public List<Order> ordersOf(String owner) {
    synchronized (orders) {
      return orders.stream().filter(order -> order.owner().equals(owner)).toList();
    }
  }
}
