package dev.channels4j.examples.reactive;

import dev.channels4j.spring.boot.ChannelsConnectionDetails;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The REST API the page and other clients use. */
@RestController
public class OrdersController {
  private static final Pattern PUSHER_API_HOST = Pattern.compile("api-([a-z0-9-]+)\\.pusher\\.com");

  private final OrderService orders;
  private final ChannelsConnectionDetails channels;

  /**
   * Where the page connects comes from the same {@link ChannelsConnectionDetails} bean as the
   * client's: {@code channels4j.*} properties or {@code PUSHER_URL} when running, the local server
   * of {@code @AutoConfigureLocalChannels} in tests.
   */
  public OrdersController(OrderService orders, ChannelsConnectionDetails channels) {
    this.orders = orders;
    this.channels = channels;
  }

  /**
   * What the page needs: who is signed in, the CSRF token pusher-js sends with its auth requests
   * (the {@code headers} of {@code channelAuthorization}), and where the Channels server is (the app
   * key is public; the secret never leaves the server).
   *
   * <p>On WebFlux, Spring Security's {@code CsrfWebFilter} puts a {@code Mono<CsrfToken>} into the
   * exchange, and loads or creates the session's token only when something subscribes to it:
   * answering from that Mono is what saves the token with the repository (the web session, by
   * default) before the answer is sent.
   */
  @GetMapping("/api/me")
  public Mono<Map<String, Object>> me(Principal principal, ServerWebExchange exchange) {
    Mono<CsrfToken> csrf = exchange.getRequiredAttribute(CsrfToken.class.getName());
    return csrf.map(token -> {
      Map<String, Object> me = new LinkedHashMap<>();
      me.put("name", principal.getName());
      me.put("csrfHeader", token.getHeaderName());
      me.put("csrfToken", token.getToken());
      me.putAll(server());
      return me;
    });
  }

  /** pusher-js's options for the Channels server: a Pusher cluster, or a host (local, self-hosted). */
  private Map<String, Object> server() {
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("key", channels.key());
    String host = channels.host();
    Matcher pusher = PUSHER_API_HOST.matcher(String.valueOf(host));
    if (host == null || pusher.matches()) {
      // Pusher itself: the browser connects to ws-<cluster>.pusher.com, which pusher-js derives.
      server.put("cluster", host == null ? channels.cluster() : pusher.group(1));
      return server;
    }
    boolean tls = channels.useTls();
    server.put("wsHost", host);
    server.put("wsPort", channels.port() == null ? (tls ? 443 : 80) : channels.port());
    server.put("forceTLS", tls);
    return server;
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
}
