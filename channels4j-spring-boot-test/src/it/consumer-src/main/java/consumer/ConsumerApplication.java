package consumer;

import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.spring.boot.ChannelAuthorization;
import dev.channels4j.spring.boot.ChannelVariable;
import dev.channels4j.webhook.WebhookEvent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a user writes: rules, a listener, a controller that publishes. Without Spring Security (the
 * X-User header stands in for a login): its auto-configurations, as named on Boot 4 and on Boot 3,
 * are excluded; {@code securedconsumer} is the application that has it.
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"})
public class ConsumerApplication {
  public static void main(String[] args) {
    SpringApplication.run(ConsumerApplication.class, args);
  }

  /** The X-User header names the user (a stand-in for the application's real login). */
  @Component
  public static class HeaderLogin extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = request.getHeader("X-User");
      chain.doFilter(user == null ? request : new HttpServletRequestWrapper(request) {
        @Override
        public Principal getUserPrincipal() {
          return () -> user;
        }
      }, response);
    }
  }

  @Component
  public static class Rules {
    @ChannelAuthorization("private-orders.{owner}")
    public boolean own(Principal user, @ChannelVariable String owner) {
      return user.getName().equals(owner);
    }

    @ChannelAuthorization("presence-room")
    public PresenceMember room(Principal user) {
      return PresenceMember.of(user.getName());
    }
  }

  @Component
  public static class Listener {
    public final List<WebhookEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    public void on(WebhookEvent.MemberAdded added) {
      events.add(added);
    }
  }

  @RestController
  public static class Orders {
    private final ChannelsClient channels;

    public Orders(ChannelsClient channels) {
      this.channels = channels;
    }

    @PostMapping("/orders")
    public void create(@RequestParam String owner) {
      channels.trigger("private-orders." + owner, "order-created", Map.of("owner", owner, "at", Instant.EPOCH));
    }
  }
}
