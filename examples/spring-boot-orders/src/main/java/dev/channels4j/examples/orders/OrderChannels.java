package dev.channels4j.examples.orders;

import dev.channels4j.auth.PresenceMember;
import dev.channels4j.spring.boot.ChannelAuthorization;
import dev.channels4j.spring.boot.ChannelVariable;
import java.security.Principal;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Who may subscribe to what: the whole authorization of the app. */
@Component
public class OrderChannels {
  static final String ONLINE = "presence-online";
  static final String ANNOUNCEMENTS = "private-encrypted-announcements";

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

  /** Every signed-in user reads announcements; the channel is end-to-end encrypted. */
  @ChannelAuthorization(ANNOUNCEMENTS)
  public boolean announcements(Principal principal) {
    return true;
  }
}
