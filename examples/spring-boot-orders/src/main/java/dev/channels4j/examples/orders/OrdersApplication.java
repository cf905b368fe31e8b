package dev.channels4j.examples.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small orders service on channels4j-spring-boot-starter: each user sees their orders appear live
 * (a private channel per user), who is online (a presence channel) and announcements (an end-to-end
 * encrypted channel). Run it against {@code ./channels4j serve}: see README.md.
 */
@SpringBootApplication
public class OrdersApplication {
  public static void main(String[] args) {
    SpringApplication.run(OrdersApplication.class, args);
  }
}
