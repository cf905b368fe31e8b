package consumer.reactive;

import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.spring.boot.ChannelAuthorization;
import dev.channels4j.spring.boot.ChannelVariable;
import dev.channels4j.webhook.WebhookEvent;
import java.security.Principal;
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
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What a user of WebFlux writes: rules, a listener, a controller that publishes. Without Spring
 * Security (the X-User header stands in for a login): its auto-configurations, as named on Boot 4 and
 * on Boot 3, are excluded; {@code securedreactiveconsumer} is the application that has it.
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration"})
public class ReactiveConsumerApplication {
  public static void main(String[] args) {
    SpringApplication.run(ReactiveConsumerApplication.class, args);
  }

  /** The X-User header names the user (a stand-in for the application's real login). */
  @Component
  public static class HeaderLogin implements WebFilter {
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      String user = exchange.getRequest().getHeaders().getFirst("X-User");
      if (user == null) {
        return chain.filter(exchange);
      }
      Principal principal = () -> user;
      return chain.filter(exchange.mutate().principal(Mono.just(principal)).build());
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

    /** The client's calls block: off the event loop. */
    @PostMapping("/orders")
    public Mono<Void> create(@RequestParam String owner) {
      return Mono.fromRunnable(() -> channels.trigger("private-orders." + owner, "order-created", Map.of("owner", owner)))
          .subscribeOn(Schedulers.boundedElastic()).then();
    }
  }
}
