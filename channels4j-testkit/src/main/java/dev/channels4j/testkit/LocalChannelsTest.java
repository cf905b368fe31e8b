package dev.channels4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a {@link dev.channels4j.local.LocalServer} on a free port, and lets
 * test methods take a {@code LocalServer}, a {@code ChannelsClient} for it, and connected
 * {@link TestSubscriber}s as parameters.
 *
 * <pre>{@code
 * @LocalChannelsTest(clientEvents = true)
 * class ChatTest {
 *   @Test
 *   void relaysMessages(ChannelsClient client, TestSubscriber alice) {
 *     alice.subscribe("chat");
 *     client.trigger("chat", "message", Map.of("text", "hi"));
 *     alice.awaitEvent("chat", "message");
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalChannelsExtension.class)
public @interface LocalChannelsTest {
  /** Allow client events on the default app. */
  boolean clientEvents() default false;

  /** Allow {@code pusher:signin} on the default app. */
  boolean userAuthentication() default false;

  /** Subscription count events and webhooks on the default app. */
  boolean subscriptionCount() default false;

  /**
   * HTTPS and WSS with a new self-signed certificate for localhost and 127.0.0.1 instead of plain
   * HTTP and WS. Clients and subscribers the extension gives trust it; a test that builds its own
   * takes an {@code SSLContext} parameter (trusting the server, nothing else).
   */
  boolean tls() default false;

  /** A fresh server for each test method instead of one for the class. */
  boolean serverPerMethod() default false;
}
