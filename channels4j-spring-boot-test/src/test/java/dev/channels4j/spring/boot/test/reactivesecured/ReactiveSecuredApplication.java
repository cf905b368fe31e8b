package dev.channels4j.spring.boot.test.reactivesecured;

import dev.channels4j.Event;
import dev.channels4j.spring.boot.ChannelAuthorization;
import dev.channels4j.spring.boot.ChannelVariable;
import dev.channels4j.spring.boot.TransactionalPublisher;
import java.security.Principal;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/**
 * The starter README's application on WebFlux with Spring Security's reactive defaults untouched:
 * every exchange needs a login (HTTP basic or the login form), CSRF protection on (the token in the
 * web session). The user is {@code spring.security.user.name} / {@code password}, set by the test.
 */
@SpringBootApplication
public class ReactiveSecuredApplication {

  @Component
  public static class OrderChannels {
    @ChannelAuthorization("private-orders.{user}")
    boolean ownOrders(Principal principal, @ChannelVariable String user) {
      return principal.getName().equals(user);
    }
  }

  @Service
  public static class OrderService {
    private final TransactionalPublisher publisher;

    OrderService(TransactionalPublisher publisher) {
      this.publisher = publisher;
    }

    public Map<String, String> create(String owner, String item) {
      Map<String, String> order = Map.of("owner", owner, "item", item);
      publisher.publish(Event.of("private-orders." + owner, "order-created", order));
      return order;
    }
  }
}
