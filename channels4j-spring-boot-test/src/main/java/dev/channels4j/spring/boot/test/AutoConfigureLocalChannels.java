package dev.channels4j.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @SpringBootTest} against a local Channels server: the server starts before the
 * application context, a primary {@code ChannelsConnectionDetails} bean points the client at it
 * (whatever the {@code channels4j.*} connection properties say), its webhooks go to the application's own
 * webhook endpoint on its real port, and a {@link LocalChannels} bean connects
 * {@link dev.channels4j.testkit.TestSubscriber}s that authorize through the application's own auth
 * endpoints (with the CSRF token of the application's own Spring Security, when it has it). The
 * server stops with the context; contexts with the same settings share it through
 * Spring's context cache.
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
 * @AutoConfigureLocalChannels
 * class OrdersTest {
 *   @Autowired LocalChannels channels;
 *   @Autowired OrderService orders;
 *
 *   @Test
 *   void theOwnerSeesANewOrderLive() {
 *     try (TestSubscriber alice = channels.subscriberWithBasicAuth("alice", "alice-password")) {
 *       alice.subscribe("private-orders.alice");          // through the app's /pusher/auth
 *       orders.create("alice", "book");
 *       assertThat(alice.awaitEvent("private-orders.alice", "order-created").data()).contains("book");
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>With {@code tls = true} the local server serves HTTPS and WSS on its one port with a new
 * self-signed certificate for {@code localhost} and {@code 127.0.0.1}, and the application's client
 * trusts that certificate and nothing else, through the path a user's configuration takes: an SSL
 * bundle ({@code spring.ssl.bundle.pem.channels4j-local-server}, the certificate inline) named by
 * {@code channels4j.ssl.bundle}. {@link LocalChannels} subscribers connect over {@code wss://}
 * trusting it too. Making the certificate needs Bouncy Castle's PKIX artifact as a test dependency
 * ({@code org.bouncycastle:bcpkix-jdk18on}); the test support does not bring it, so that tests do
 * not pass on a Bouncy Castle that the application itself lacks (encrypted channels need it).
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
 * @AutoConfigureLocalChannels(tls = true)
 * class OrdersOverTlsTest {
 *   @Autowired LocalChannels channels;
 *   @Autowired OrderService orders;
 *
 *   @Test
 *   void theOwnerSeesANewOrderOverTls() {
 *     try (TestSubscriber alice = channels.subscriberWithBasicAuth("alice", "alice-password")) {
 *       alice.subscribe("private-orders.alice");          // over wss://
 *       orders.create("alice", "book");                  // the app's client publishes over https://
 *       assertThat(alice.awaitEvent("private-orders.alice", "order-created").data()).contains("book");
 *     }
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureLocalChannels {

  /** Whether connections may send client events ({@code client-...}). */
  boolean clientEvents() default false;

  /** Whether connections may sign in (pusher-js {@code signin()}). */
  boolean userAuthentication() default true;

  /** Whether the server sends webhooks to the application's {@code channels4j.webhooks.path}. */
  boolean webhooks() default true;

  /** Whether the local server logs only warnings (its INFO lines otherwise fill the test output). */
  boolean quiet() default true;

  /**
   * Whether the server serves HTTPS and WSS with a new self-signed certificate for {@code localhost}
   * and {@code 127.0.0.1}, which the application's client ({@code channels4j.ssl.bundle}) and the
   * subscribers trust, and nothing else; needs {@code org.bouncycastle:bcpkix-jdk18on} on the test
   * class path.
   */
  boolean tls() default false;
}
