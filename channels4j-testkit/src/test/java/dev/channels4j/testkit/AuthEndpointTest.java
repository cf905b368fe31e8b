package dev.channels4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import dev.channels4j.local.LocalServer;
import dev.channels4j.local.TlsIdentity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@link TestSubscriber} authorizing through an application's own endpoint: here a tiny one on the
 * JDK's HTTP server that, like a real app, checks its caller (a bearer token) and signs with the
 * app's credentials.
 */
class AuthEndpointTest {
  private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final String TOKEN = "token-4c1d";

  private LocalServer server;
  private ChannelsClient app;
  private HttpServer endpoint;
  private final List<String> forms = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = LocalServer.builder().port(0).userAuthentication(true).build().start();
    app = ChannelsClient.builder().url(server.pusherUrl()).encryptionMasterKeyBase64(MASTER_KEY).build();
    endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext("/pusher/auth", exchange -> answer(exchange, form -> {
      String channel = form.get("channel_name");
      return channel.startsWith("presence-")
          ? app.authorizePresenceChannel(form.get("socket_id"), channel, PresenceMember.of("endpoint-user")).toJson()
          : app.authorizeChannel(form.get("socket_id"), channel).toJson();
    }));
    endpoint.createContext("/pusher/user-auth", exchange -> answer(exchange,
        form -> app.authenticateUser(form.get("socket_id"), UserData.of("endpoint-user")).toJson()));
    endpoint.start();
  }

  @AfterEach
  void stop() {
    endpoint.stop(0);
    app.close();
    server.close();
  }

  private interface Signer {
    String sign(Map<String, String> form);
  }

  private void answer(HttpExchange exchange, Signer signer) throws IOException {
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    forms.add(form);
    boolean allowed = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
        && "application/x-www-form-urlencoded".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
    byte[] body = (allowed ? signer.sign(parse(form)) : "not your channel").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(allowed ? 200 : 403, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static Map<String, String> parse(String form) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : form.split("&")) {
      String[] parts = pair.split("=", 2);
      fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return fields;
  }

  private AuthEndpoint.Builder endpointWith(String token) {
    String base = "http://127.0.0.1:" + endpoint.getAddress().getPort();
    return AuthEndpoint.builder()
        .channelAuthorization(URI.create(base + "/pusher/auth"))
        .userAuthentication(URI.create(base + "/pusher/user-auth"))
        .header("Authorization", "Bearer " + token);
  }

  @Test
  void privateChannelIsAuthorizedByTheApplicationsEndpoint() {
    try (TestSubscriber browser = TestSubscriber.connect(server, endpointWith(TOKEN).build())) {
      browser.subscribe("private-orders");
      app.trigger("private-orders", "created", Map.of("id", 42));
      assertThat(browser.awaitEvent("private-orders", "created").dataMap()).containsEntry("id", 42);
      assertThat(forms).singleElement().asString()
          .contains("socket_id=" + browser.socketId())
          .contains("channel_name=private-orders");
    }
  }

  @Test
  void endpointAuthorizedSubscriberOfATlsServerConnectsOverWssTrustingIt() {
    try (LocalServer tls = LocalServer.builder().port(0).tls(TlsIdentity.selfSigned()).build().start();
        ChannelsClient tlsApp = tls.newClient();
        TestSubscriber browser = TestSubscriber.connect(tls, endpointWith(TOKEN).build())) {
      browser.subscribe("private-orders");   // signed by the endpoint: both servers' default apps share credentials
      tlsApp.trigger("private-orders", "created", Map.of("id", 7));
      assertThat(browser.awaitEvent("private-orders", "created").dataMap()).containsEntry("id", 7);
    }
  }

  @Test
  void endpointRefusalFailsWithItsStatusAndBody() {
    try (TestSubscriber browser = TestSubscriber.connect(server, endpointWith("stolen").build())) {
      assertThatThrownBy(() -> browser.subscribe("private-orders"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("private-orders")
          .hasMessageContaining("403")
          .hasMessageContaining("not your channel");
    }
  }

  @Test
  void presenceMemberIsChosenByTheEndpoint() {
    try (TestSubscriber browser = TestSubscriber.connect(server, endpointWith(TOKEN).build())) {
      ReceivedEvent joined = browser.subscribe("presence-room");
      assertThat(joined.data()).contains("endpoint-user");
      assertThat(server.members("presence-room")).containsKey("endpoint-user");
    }
  }

  @Test
  void signInGoesThroughTheUserEndpoint() {
    try (TestSubscriber browser = TestSubscriber.connect(server, endpointWith(TOKEN).build())) {
      assertThat(browser.signIn().data()).contains("endpoint-user");
      browser.subscribe("#server-to-user-endpoint-user");
      app.sendToUser("endpoint-user", "notice", Map.of("text", "hi"));
      assertThat(browser.awaitEvent("#server-to-user-endpoint-user", "notice").dataMap()).containsEntry("text", "hi");
    }
  }

  @Test
  void encryptedChannelIsDecryptedWithTheSharedSecretTheEndpointReturned() {
    try (TestSubscriber browser = TestSubscriber.connect(server, endpointWith(TOKEN).build())) {
      browser.subscribe("private-encrypted-vault");
      app.trigger("private-encrypted-vault", "secret", Map.of("msg", "hello"));
      ReceivedEvent event = browser.awaitEvent("private-encrypted-vault", "secret");
      assertThat(event.dataMap()).containsEntry("msg", "hello");
      assertThat(event.raw()).doesNotContain("hello");
    }
  }

  @Test
  void builderNeedsAtLeastOneUrl() {
    assertThatThrownBy(() -> AuthEndpoint.builder().header("Cookie", "a=b").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("channelAuthorization");
  }

  @Test
  void builderRefusesRelativeUrls() {
    assertThatThrownBy(() -> AuthEndpoint.builder().channelAuthorization(URI.create("/pusher/auth")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute http(s) URL");
  }

  @Test
  void builderRefusesHeaderValuesWithLineBreaks() {
    assertThatThrownBy(() -> AuthEndpoint.builder().header("Cookie", "a=b\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line breaks");
  }

  @Test
  void toStringShowsHeaderNamesButNotTheirValues() {
    assertThat(endpointWith(TOKEN).build().toString()).contains("Authorization").doesNotContain(TOKEN);
  }
}
