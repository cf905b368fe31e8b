package securedconsumer;

import dev.channels4j.Event;
import dev.channels4j.spring.boot.ChannelAuthorization;
import dev.channels4j.spring.boot.ChannelVariable;
import dev.channels4j.spring.boot.TransactionalPublisher;
import java.security.Principal;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/** The starter README's application with Spring Security's defaults untouched (CSRF on). */
@SpringBootApplication
public class SecuredConsumerApplication {

  @Component
  public static class OrderChannels {
    @ChannelAuthorization("private-orders.{user}")
    public boolean ownOrders(Principal principal, @ChannelVariable String user) {
      return principal.getName().equals(user);
    }
  }

  @Service
  public static class OrderService {
    private final TransactionalPublisher publisher;

    public OrderService(TransactionalPublisher publisher) {
      this.publisher = publisher;
    }

    public Map<String, String> create(String owner, String item) {
      Map<String, String> order = Map.of("owner", owner, "item", item);
      publisher.publish(Event.of("private-orders." + owner, "order-created", order));
      return order;
    }
  }
}
