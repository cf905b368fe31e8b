package dev.channels4j.examples.reactive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The orders sample on WebFlux: each user sees their orders appear live (a private channel per
 * user) and who is online (a presence channel); the starter serves {@code /pusher/auth},
 * {@code /pusher/user-auth} and {@code /pusher/webhooks} on the reactive stack. See README.md.
 */
@SpringBootApplication
public class ReactiveOrdersApplication {
  public static void main(String[] args) {
    SpringApplication.run(ReactiveOrdersApplication.class, args);
  }
}
