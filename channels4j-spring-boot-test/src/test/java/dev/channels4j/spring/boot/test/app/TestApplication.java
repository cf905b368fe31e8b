package dev.channels4j.spring.boot.test.app;

import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.spring.boot.ChannelAuthorization;
import dev.channels4j.spring.boot.ChannelVariable;
import dev.channels4j.webhook.WebhookEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application without Spring Security (excluded: the module's tests have it on the class path
 * for the secured app): the user is named by a header, for the test's sake.
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
public class TestApplication {

  /** Makes the X-User header the request's principal (a stand-in for a real login). */
  @Component
  public static class HeaderUser extends org.springframework.web.filter.OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
        jakarta.servlet.FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
      String user = request.getHeader("X-User");
      if (user == null) {
        chain.doFilter(request, response);
        return;
      }
      chain.doFilter(new jakarta.servlet.http.HttpServletRequestWrapper(request) {
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
    boolean own(Principal user, @ChannelVariable String owner) {
      return user.getName().equals(owner);
    }

    @ChannelAuthorization("presence-online")
    PresenceMember online(Principal user) {
      return PresenceMember.of(user.getName(), Map.of("name", user.getName()));
    }
  }

  @RestController
  public static class Orders {
    private final ChannelsClient channels;

    Orders(ChannelsClient channels) {
      this.channels = channels;
    }

    @PostMapping("/orders")
    Map<String, Object> create(@RequestParam String owner, @RequestParam String item) {
      Map<String, Object> order = Map.of("owner", owner, "item", item);
      channels.trigger("private-orders." + owner, "order-created", order);
      return order;
    }
  }

  @Component
  public static class Presence {
    public final List<WebhookEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(WebhookEvent.MemberAdded added) {
      events.add(added);
    }
  }

  /** Orders {@code item} for {@code owner} through the app's own endpoint (as a browser would); the HTTP status. */
  public static int order(int port, String owner, String item) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders?owner=" + owner + "&item=" + item))
            .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
