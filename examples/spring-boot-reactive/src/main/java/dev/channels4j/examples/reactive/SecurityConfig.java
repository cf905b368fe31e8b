package dev.channels4j.examples.reactive;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Two users, form login and HTTP basic; Spring Security's reactive defaults otherwise, CSRF
 * protection included. The webhook endpoint needs no rule: the starter serves it in a web filter
 * ahead of Spring Security's, authenticated by its signature.
 */
@Configuration
public class SecurityConfig {

  @Bean
  SecurityWebFilterChain security(ServerHttpSecurity http) {
    return http
        .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
        .formLogin(Customizer.withDefaults())
        .httpBasic(Customizer.withDefaults())
        .build();
  }

  /** Demo users; a real app has its own user store. */
  @Bean
  MapReactiveUserDetailsService users(@Value("${orders.demo-password:password}") String password) {
    return new MapReactiveUserDetailsService(
        User.withUsername("alice").password("{noop}" + password).roles("USER").build(),
        User.withUsername("bob").password("{noop}" + password).roles("USER").build());
  }
}
