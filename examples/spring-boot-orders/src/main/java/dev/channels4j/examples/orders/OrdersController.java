package dev.channels4j.examples.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.channels4j.Event;
import dev.channels4j.Publisher;
import dev.channels4j.spring.boot.ChannelsConnectionDetails;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The REST API the page and other clients use. */
@RestController
public class OrdersController {
  private static final Logger log = LoggerFactory.getLogger(OrdersController.class);

  private static final Pattern PUSHER_API_HOST = Pattern.compile("api-([a-z0-9-]+)\\.pusher\\.com");

  private final OrderService orders;
  private final Publisher publisher;
  private final ChannelsConnectionDetails channels;

  /**
   * Where the page connects comes from the same {@link ChannelsConnectionDetails} bean as the
   * client's: {@code channels4j.*} properties or {@code PUSHER_URL} when running, the local server
   * of {@code @AutoConfigureLocalChannels} in tests.
   */
  public OrdersController(OrderService orders, Publisher publisher, ChannelsConnectionDetails channels) {
    this.orders = orders;
    this.publisher = publisher;
    this.channels = channels;
  }

  /**
   * What the page needs: who is signed in, the CSRF token pusher-js sends with its auth requests,
   * and where the Channels server is (the app key is public; the secret never leaves the server).
   */
  @GetMapping("/api/me")
  public Map<String, Object> me(Principal principal, CsrfToken csrf) {
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("name", principal.getName());
    me.put("csrfHeader", csrf.getHeaderName());
    me.put("csrfToken", csrf.getToken());
    me.put("key", channels.key());
    String host = channels.host();
    Matcher pusher = PUSHER_API_HOST.matcher(String.valueOf(host));
    if (host == null || pusher.matches()) {
      // Pusher itself: the browser connects to ws-<cluster>.pusher.com, which pusher-js derives.
      me.put("cluster", host == null ? channels.cluster() : pusher.group(1));
      return me;
    }
    boolean tls = channels.useTls();
    me.put("wsHost", host);
    me.put("wsPort", channels.port() == null ? (tls ? 443 : 80) : channels.port());
    me.put("forceTLS", tls);
    return me;
  }

  @GetMapping("/api/orders")
  public List<Order> myOrders(Principal principal) {
    return orders.ordersOf(principal.getName());
  }

  public record NewOrder(String item) {}

  @PostMapping("/api/orders")
  @ResponseStatus(HttpStatus.CREATED)
  public Order create(Principal principal, @RequestBody NewOrder order) {
    return orders.create(principal.getName(), order.item());
  }

  public record Announcement(String text) {}

  /** Published on the encrypted channel: the Channels server only ever sees ciphertext. */
  @PostMapping("/api/announcements")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public void announce(Principal principal, @RequestBody Announcement announcement) {
    publisher.publish(Event.of(OrderChannels.ANNOUNCEMENTS, "announcement",
        Map.of("from", principal.getName(), "text", announcement.text())))
        .whenComplete((counts, error) -> {
          if (error != null) {
            log.warn("announcement not published: {}", error.toString());
          }
        });
  }
}
