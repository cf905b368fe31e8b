package dev.channels4j.examples.orders;

import dev.channels4j.spring.boot.ChannelsClientCustomizer;
import java.security.SecureRandom;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two users, form login for the page, HTTP basic for API clients. CSRF protection stays on: the
 * page sends the token with pusher-js's auth requests. The webhook endpoint needs no rule here: the
 * starter serves it ahead of Spring Security, authenticated by its signature.
 */
@Configuration
public class SecurityConfig {

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health/**").permitAll()
            .anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        .httpBasic(Customizer.withDefaults())
        .build();
  }

  /** Demo users; a real app has its own user store. */
  @Bean
  InMemoryUserDetailsManager users(@Value("${orders.demo-password:password}") String password) {
    return new InMemoryUserDetailsManager(
        User.withUsername("alice").password("{noop}" + password).roles("USER").build(),
        User.withUsername("bob").password("{noop}" + password).roles("USER").build());
  }

  /**
   * Encrypted channels need a 32-byte master key shared by every instance of the app. Without
   * {@code channels4j.encryption-master-key} this single-instance demo makes one at start-up.
   */
  @Bean
  ChannelsClientCustomizer developmentMasterKey(@Value("${channels4j.encryption-master-key:}") String configured) {
    return builder -> {
      if (configured.isBlank()) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        builder.encryptionMasterKey(key);
        LoggerFactory.getLogger(SecurityConfig.class)
            .info("no channels4j.encryption-master-key: using a random one (fine for one instance only)");
      }
    };
  }
}
