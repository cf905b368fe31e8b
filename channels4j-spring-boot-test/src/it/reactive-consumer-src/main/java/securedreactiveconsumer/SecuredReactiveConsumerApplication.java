package securedreactiveconsumer;

import dev.channels4j.Event;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.spring.boot.ChannelAuthorization;
import dev.channels4j.spring.boot.ChannelVariable;
import dev.channels4j.spring.boot.TransactionalPublisher;
import dev.channels4j.webhook.WebhookEvent;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/**
 * The starter README's application on WebFlux with Spring Security's reactive defaults untouched: no
 * {@code SecurityWebFilterChain} of its own, every exchange needs a login (HTTP basic or the login
 * form), CSRF protection on (the token in the web session).
 */
@SpringBootApplication
public class SecuredReactiveConsumerApplication {

  @Component
  public static class OrderChannels {
    @ChannelAuthorization("private-orders.{user}")
    public boolean ownOrders(Principal principal, @ChannelVariable String user) {
      return principal.getName().equals(user);
    }

    @ChannelAuthorization("presence-online")
    public PresenceMember online(Principal principal) {
      return PresenceMember.of(principal.getName(), Map.of("name", principal.getName()));
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

  @Component
  public static class Presence {
    public final List<WebhookEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    public void on(WebhookEvent.MemberAdded added) {
      events.add(added);
    }
  }
}
