package dev.channels4j.examples.reactive;

import dev.channels4j.auth.PresenceMember;
import dev.channels4j.spring.boot.ChannelAuthorization;
import dev.channels4j.spring.boot.ChannelVariable;
import java.security.Principal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who may subscribe to what: the same rules as on a servlet app. On WebFlux the starter calls them
 * off the event loop, so a rule may ask a blocking repository.
 */
@Component
public class OrderChannels {
  static final String ONLINE = "presence-online";

  static String ordersOf(String user) {
    return "private-orders." + user;
  }

  /** Each user sees only their own orders. */
  @ChannelAuthorization("private-orders.{user}")
  public boolean ownOrders(Principal principal, @ChannelVariable String user) {
    return principal.getName().equals(user);
  }

  /** Every signed-in user is shown online, under their name. */
  @ChannelAuthorization(ONLINE)
  public PresenceMember online(Principal principal) {
    return PresenceMember.of(principal.getName(), Map.of("name", principal.getName()));
  }
}
