package dev.channels4j.spring.boot.autoconfigure.slice;

import dev.channels4j.spring.boot.ChannelAuthorization;
import dev.channels4j.spring.boot.ChannelVariable;
import java.security.Principal;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** An application whose rules a slice test does not pick up by itself (a plain component). */
@SpringBootApplication
public class SliceTestApp {

  @Component
  public static class Rules {
    @ChannelAuthorization("private-orders.{owner}")
    boolean ownOrders(Principal user, @ChannelVariable String owner) {
      return user.getName().equals(owner);
    }
  }
}
