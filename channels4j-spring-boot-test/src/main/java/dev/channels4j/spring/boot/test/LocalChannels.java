package dev.channels4j.spring.boot.test;

import dev.channels4j.local.LocalServer;
import dev.channels4j.testkit.AuthEndpoint;
import dev.channels4j.testkit.TestSubscriber;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * The local server of an {@link AutoConfigureLocalChannels} test, and the subscribers a test
 * connects to it. Subscribers authorize private, presence and encrypted channels, and sign in,
 * through the application's own endpoints ({@code channels4j.auth.channel-path} and
 * {@code user-path} on its real port), with the headers the test gives: the test proves the
 * application's rules, not only the library. With {@code @AutoConfigureLocalChannels(tls = true)}
 * subscribers connect over {@code wss://} trusting the server's self-signed certificate (and nothing
 * else); a client a test builds itself trusts it with {@code server().clientSslContext()}, or comes
 * from {@code server().newClient()}.
 *
 * <pre>{@code
 * @Autowired LocalChannels channels;
 *
 * try (TestSubscriber bob = channels.subscriberWithBasicAuth("bob", "bob-password")) {
 *   assertThatThrownBy(() -> bob.subscribe("private-orders.alice"));  // the app's rule refuses
 * }
 * }</pre>
 */
public final class LocalChannels {
  private final LocalServer server;
  private final Environment environment;
  private final boolean csrf;

  LocalChannels(LocalServer server, Environment environment, boolean csrf) {
    this.server = server;
    this.environment = environment;
    this.csrf = csrf;
  }

  /** The running local server: what it accepted, its channels, its presence members. */
  public LocalServer server() {
    return server;
  }

  /**
   * Failures on demand for the application's next Channels calls, e.g.
   * {@code channels.faults().next(1).respond(503)}; see {@link dev.channels4j.local.Faults}.
   */
  public dev.channels4j.local.Faults faults() {
    return server.faults();
  }

  /** The {@code PUSHER_URL} of the local server's app ({@code https://} with {@code tls = true}). */
  public String pusherUrl() {
    return server.pusherUrl();
  }

  /** A subscriber whose auth requests carry no credentials (an anonymous browser). */
  public TestSubscriber subscriber() {
    return subscriber(Map.of());
  }

  /** A subscriber whose auth requests carry HTTP basic credentials. */
  public TestSubscriber subscriberWithBasicAuth(String username, String password) {
    String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return subscriber(Map.of("Authorization", "Basic " + token));
  }

  /**
   * A subscriber whose auth requests carry these headers: a session cookie, a bearer token...
   * With Spring Security on the class path (servlet or WebFlux), the subscriber first fetches the CSRF token the
   * application expects, as its pages would hand it to pusher-js (through the application's own
   * security and {@code CsrfTokenRepository}, with these headers), and sends it with the cookies
   * that came with it: the application keeps its CSRF protection and the test needs no code for it.
   */
  public TestSubscriber subscriber(Map<String, String> headers) {
    Map<String, String> all = csrf ? CsrfTokens.fetch(appUri(CsrfTokenFilter.PATH), headers) : headers;
    return AppAuth.connect(server, channelAuthUri(), userAuthUri(), all);
  }

  /** The application's channel authorization endpoint on its real port. */
  public URI channelAuthUri() {
    return appUri(environment.getProperty("channels4j.auth.channel-path", "/pusher/auth"));
  }

  /** The application's user authentication endpoint on its real port. */
  public URI userAuthUri() {
    return appUri(environment.getProperty("channels4j.auth.user-path", "/pusher/user-auth"));
  }

  private URI appUri(String path) {
    String port = environment.getProperty("local.server.port");
    if (port == null) {
      throw new IllegalStateException(
          "the application has no port: use @SpringBootTest(webEnvironment = RANDOM_PORT) or DEFINED_PORT");
    }
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Override
  public String toString() {
    return "LocalChannels[" + server + "]";
  }

  /** Connecting through the application's endpoints, with the test's headers. */
  static final class AppAuth {
    private AppAuth() {}

    static TestSubscriber connect(LocalServer server, URI channelAuth, URI userAuth, Map<String, String> headers) {
      AuthEndpoint.Builder endpoint = AuthEndpoint.builder().channelAuthorization(channelAuth).userAuthentication(userAuth);
      headers.forEach(endpoint::header);
      return TestSubscriber.connect(server, endpoint.build());
    }
  }
}
