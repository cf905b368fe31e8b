package dev.channels4j.spring.boot.autoconfigure.web;

import dev.channels4j.auth.PresenceMember;
import dev.channels4j.spring.boot.ChannelAuthorization;
import dev.channels4j.spring.boot.ChannelVariable;
import dev.channels4j.webhook.WebhookEvent;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A small application with Spring Security (CSRF on), rules and a webhook listener. */
@SpringBootApplication
public class WebTestApp {

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .httpBasic(Customizer.withDefaults())
        .build();
  }

  @Bean
  InMemoryUserDetailsManager users() {
    return new InMemoryUserDetailsManager(
        User.withUsername("alice").password("{noop}alice-pw").roles("USER").build(),
        User.withUsername("bob").password("{noop}bob-pw").roles("USER").build());
  }

  /** What pusher-js needs to send in X-CSRF-TOKEN; a real page would put it in a meta tag. */
  @RestController
  static class Csrf {
    @GetMapping("/csrf")
    Map<String, String> csrf(CsrfToken token) {
      return Map.of("header", token.getHeaderName(), "token", token.getToken());
    }
  }

  @Component
  public static class Rules {
    @ChannelAuthorization("private-orders.{owner}")
    boolean ownOrders(Principal user, @ChannelVariable String owner) {
      return user.getName().equals(owner);
    }

    @ChannelAuthorization("presence-room.{id}")
    PresenceMember room(Principal user, @ChannelVariable("id") long roomId) {
      return roomId == 1 ? PresenceMember.of(user.getName(), Map.of("name", user.getName())) : null;
    }

    @ChannelAuthorization("presence-lobby")
    boolean lobby(Principal user) {
      return true;
    }

    @ChannelAuthorization(value = "private-news", allowAnonymous = true)
    boolean news(Principal user) {
      return true;
    }

    @ChannelAuthorization("private-encrypted-vault.{owner}")
    boolean vault(Principal user, @ChannelVariable String owner) {
      return user.getName().equals(owner);
    }

    @ChannelAuthorization("private-region.{region}")
    boolean region(Principal user, @ChannelVariable Region region) {
      return region.isNorth();
    }

    @ChannelAuthorization("private-broken")
    boolean broken(Principal user) {
      throw new IllegalStateException("a bug in the application's rule");
    }
  }

  /** A type only the application's own converter can make: no public constructor, no valueOf/of/from. */
  public static final class Region {
    private final String code;

    private Region(String code) {
      this.code = code;
    }

    public static Region parse(String code) {
      return new Region(code);
    }

    boolean isNorth() {
      return code.equals("north");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Conversions implements WebMvcConfigurer {
    @Override
    public void addFormatters(FormatterRegistry registry) {
      registry.addConverter(String.class, Region.class, Region::parse);
    }
  }

  @Component
  public static class Webhooks {
    public final List<WebhookEvent> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(WebhookEvent.MemberAdded added) {
      received.add(added);
    }

    @EventListener
    void on(WebhookEvent.ChannelOccupied occupied) {
      if (occupied.channel().equals("listener-fails")) {
        throw new IllegalStateException("listener failure");
      }
      received.add(occupied);
    }
  }
}
