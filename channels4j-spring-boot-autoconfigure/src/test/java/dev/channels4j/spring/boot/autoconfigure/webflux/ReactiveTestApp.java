package dev.channels4j.spring.boot.autoconfigure.webflux;

import dev.channels4j.spring.boot.autoconfigure.web.WebTestApp;
import dev.channels4j.spring.boot.ChannelAuthorization;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.format.FormatterRegistry;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@link WebTestApp}'s rules and webhook listener on WebFlux, with Spring Security's reactive
 * defaults (CSRF on) and HTTP Basic.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({WebTestApp.Rules.class, WebTestApp.Webhooks.class, ReactiveTestApp.Csrf.class, ReactiveTestApp.Threads.class})
public class ReactiveTestApp implements WebFluxConfigurer {

  @Bean
  SecurityWebFilterChain security(ServerHttpSecurity http) {
    return http
        .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
        .httpBasic(Customizer.withDefaults())
        .build();
  }

  @Bean
  MapReactiveUserDetailsService users() {
    return new MapReactiveUserDetailsService(
        User.withUsername("alice").password("{noop}alice-pw").roles("USER").build(),
        User.withUsername("bob").password("{noop}bob-pw").roles("USER").build());
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(String.class, WebTestApp.Region.class, WebTestApp.Region::parse);
  }

  /** A rule that notes the thread it runs on. */
  public static class Threads {
    public final List<String> seen = new CopyOnWriteArrayList<>();

    @ChannelAuthorization("private-thread")
    boolean rule(Principal user) {
      seen.add(Thread.currentThread().getName());
      return true;
    }
  }

  /** What pusher-js needs to send in X-CSRF-TOKEN; a real page would put it in a meta tag. */
  @RestController
  static class Csrf {
    @GetMapping("/csrf")
    Mono<Map<String, String>> csrf(ServerWebExchange exchange) {
      Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
      return token.map(t -> Map.of("header", t.getHeaderName(), "token", t.getToken()));
    }
  }
}
