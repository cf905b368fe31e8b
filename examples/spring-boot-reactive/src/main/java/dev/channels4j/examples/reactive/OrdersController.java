package dev.channels4j.examples.reactive;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The REST API. */
@RestController
public class OrdersController {
  private final OrderService orders;

  public OrdersController(OrderService orders) {
    this.orders = orders;
  }

  /**
   * Who is signed in, and the CSRF token a client sends with its auth requests (pusher-js: the
   * {@code headers} of {@code channelAuthorization}). Subscribing to the token makes Spring
   * Security create it.
   */
  @GetMapping("/api/me")
  public Mono<Map<String, String>> me(Principal principal, ServerWebExchange exchange) {
    Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
    return csrf.map(token -> Map.of(
        "name", principal.getName(), "csrfHeader", token.getHeaderName(), "csrfToken", token.getToken()));
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
