package dev.channels4j.spring.boot.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.spring.boot.autoconfigure.SharedLocalServer;
import dev.channels4j.webhook.WebhookEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the endpoints answer, the same on every web stack: each subclass starts a real server of one
 * stack with Spring Security's defaults (CSRF on) and the rules of {@link WebTestApp.Rules}.
 */
public abstract class EndpointsContract {
  protected static final String SOCKET = "1234.5678";
  /** The encryption master key the subclasses configure (32 bytes, base64). */
  public static final String MASTER_KEY = "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=";

  /** The local server of the running subclass: one per test class, started before its context. */
  @RegisterExtension
  protected static final SharedLocalServer server = new SharedLocalServer();

  @LocalServerPort
  protected int port;

  @Autowired
  protected ChannelsClient client;

  @Autowired
  protected WebTestApp.Webhooks webhooks;

  @Autowired
  protected MeterRegistry meters;

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("channels4j.url", server::pusherUrl);
  }

  @BeforeEach
  void clear() {
    webhooks.received.clear();
  }

  // ---- channel authorization -------------------------------------------------------------

  @Test
  void theOwnerOfAPrivateChannelGetsTheSignedAnswer() throws Exception {
    HttpResponse<String> answer = as("alice").auth("private-orders.alice");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo(client.authorizeChannel(SOCKET, "private-orders.alice").toJson());
  }

  @Test
  void anotherUserIsRefusedWith403() throws Exception {
    assertThat(as("bob").auth("private-orders.alice").statusCode()).isEqualTo(403);
  }

  @Test
  void anAnonymousRequestIsRefusedWith403() throws Exception {
    assertThat(anonymous().auth("private-orders.alice").statusCode()).isEqualTo(403);
  }

  @Test
  void aRuleMayAllowAnonymousRequests() throws Exception {
    assertThat(anonymous().auth("private-news").statusCode()).isEqualTo(200);
  }

  @Test
  void aChannelThatMatchesNoRuleIsRefused() throws Exception {
    assertThat(as("alice").auth("private-unknown").statusCode()).isEqualTo(403);
  }

  @Test
  void aPresenceRuleJoinsAsTheMemberItReturns() throws Exception {
    HttpResponse<String> answer = as("alice").auth("presence-room.1");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("channel_data").contains("\\\"user_id\\\":\\\"alice\\\"");
  }

  @Test
  void aPresenceRuleReturningNullRefuses() throws Exception {
    assertThat(as("alice").auth("presence-room.2").statusCode()).isEqualTo(403);
  }

  @Test
  void aPresenceRuleReturningTrueJoinsAsThePrincipal() throws Exception {
    HttpResponse<String> answer = as("bob").auth("presence-lobby");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\\\"user_id\\\":\\\"bob\\\"");
  }

  @Test
  void aVariableThatDoesNotConvertRefuses() throws Exception {
    assertThat(as("alice").auth("presence-room.abc").statusCode()).isEqualTo(403);
  }

  @Test
  void aVariableIsConvertedByTheApplicationsOwnConverters() throws Exception {
    assertThat(as("alice").auth("private-region.north").statusCode()).isEqualTo(200);
    assertThat(as("alice").auth("private-region.south").statusCode()).isEqualTo(403);
  }

  @Test
  void anEncryptedChannelAnswerCarriesTheSharedSecret() throws Exception {
    HttpResponse<String> answer = as("alice").auth("private-encrypted-vault.alice");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("shared_secret");
  }

  @Test
  void aRuleThatThrowsRefusesWithoutA500() throws Exception {
    assertThat(as("alice").auth("private-broken").statusCode()).isEqualTo(403);
  }

  @Test
  void aBadSocketIdIs400WithTheProblemInTheBody() throws Exception {
    HttpResponse<String> answer = as("alice").post("/pusher/auth", "socket_id=abc&channel_name=private-orders.alice");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(answer.body()).isEqualTo("{\"error\":\"socket_id is not a socket id like 1234.5678\"}");
  }

  @Test
  void aRefusalSaysOnlyRefused() throws Exception {
    assertThat(as("bob").auth("private-orders.alice").body()).isEqualTo("{\"error\":\"refused\"}");
  }

  @Test
  void anInvalidChannelNameIs400() throws Exception {
    assertThat(as("alice").post("/pusher/auth", "socket_id=" + SOCKET + "&channel_name=private-%E2%9C%93")
        .statusCode()).isEqualTo(400);
  }

  @Test
  void aMissingChannelNameIs400() throws Exception {
    assertThat(as("alice").post("/pusher/auth", "socket_id=" + SOCKET).statusCode()).isEqualTo(400);
  }

  @Test
  void aPublicChannelIs400() throws Exception {
    assertThat(as("alice").auth("orders").statusCode()).isEqualTo(400);
  }

  @Test
  void aJsonBodyIs400NotA500() throws Exception {
    HttpResponse<String> answer = as("alice").post("/pusher/auth", "application/json", "{\"socket_id\":\"1.2\"}");
    assertThat(answer.statusCode()).isEqualTo(400);
  }

  @Test
  void withoutTheCsrfTokenSpringSecurityRefuses() throws Exception {
    Http http = as("alice");
    HttpResponse<String> answer = http.send(http.request("/pusher/auth")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("socket_id=" + SOCKET + "&channel_name=private-orders.alice")).build());
    assertThat(answer.statusCode()).isEqualTo(403);
  }

  @Test
  void answersAreCountedByChannelTypeAndVerdict() throws Exception {
    double before = count("private", "refused");
    as("bob").auth("private-orders.alice");
    assertThat(count("private", "refused")).isEqualTo(before + 1);
  }

  // ---- user authentication ---------------------------------------------------------------

  @Test
  void aSignedInUserIsAuthenticatedAsThePrincipalsName() throws Exception {
    HttpResponse<String> answer = as("alice").post("/pusher/user-auth", "socket_id=" + SOCKET);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("user_data").contains("\\\"id\\\":\\\"alice\\\"");
  }

  @Test
  void anAnonymousSignInIsRefused() throws Exception {
    assertThat(anonymous().post("/pusher/user-auth", "socket_id=" + SOCKET).statusCode()).isEqualTo(403);
  }

  @Test
  void aSignInWithABadSocketIdIs400() throws Exception {
    assertThat(as("alice").post("/pusher/user-auth", "socket_id=1").statusCode()).isEqualTo(400);
  }

  // ---- webhooks --------------------------------------------------------------------------

  @Test
  void aVerifiedWebhookBecomesApplicationEvents() throws Exception {
    byte[] body = webhook(System.currentTimeMillis(), "{\"name\":\"member_added\",\"channel\":\"presence-room.1\",\"user_id\":\"alice\"}");
    assertThat(postWebhook(body, sign(body), "application/json").statusCode()).isEqualTo(200);
    assertThat(webhooks.received).containsExactly(new WebhookEvent.MemberAdded("presence-room.1", "alice"));
  }

  @Test
  void aFormEncodedWebhookIsVerifiedOnItsRawBody() throws Exception {
    byte[] body = webhook(System.currentTimeMillis(), "{\"name\":\"channel_occupied\",\"channel\":\"a\"}");
    assertThat(postWebhook(body, sign(body), "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
    assertThat(webhooks.received).containsExactly(new WebhookEvent.ChannelOccupied("a"));
  }

  @Test
  void aWebhookWithABadSignatureIs401() throws Exception {
    byte[] body = webhook(System.currentTimeMillis(), "{\"name\":\"channel_occupied\",\"channel\":\"a\"}");
    Map<String, String> headers = sign(body);
    headers.put("X-Pusher-Signature", "0".repeat(64));
    assertThat(postWebhook(body, headers, "application/json").statusCode()).isEqualTo(401);
    assertThat(webhooks.received).isEmpty();
  }

  @Test
  void aStaleWebhookIs401() throws Exception {
    byte[] body = webhook(System.currentTimeMillis() - 6 * 60_000, "{\"name\":\"channel_occupied\",\"channel\":\"a\"}");
    assertThat(postWebhook(body, sign(body), "application/json").statusCode()).isEqualTo(401);
    assertThat(webhooks.received).isEmpty();
  }

  @Test
  void aWebhookOverTheSizeLimitIs413() throws Exception {
    byte[] body = webhook(System.currentTimeMillis(),
        "{\"name\":\"channel_occupied\",\"channel\":\"" + "a".repeat(5000) + "\"}");
    assertThat(postWebhook(body, sign(body), "application/json").statusCode()).isEqualTo(413);
  }

  @Test
  void aWebhookOverTheSizeLimitWithoutAContentLengthIs413() throws Exception {
    byte[] body = webhook(System.currentTimeMillis(),
        "{\"name\":\"channel_occupied\",\"channel\":\"" + "a".repeat(5000) + "\"}");
    Http http = anonymous();
    HttpRequest.Builder request = http.request("/pusher/webhooks").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
    sign(body).forEach(request::header);
    assertThat(http.send(request.build()).statusCode()).isEqualTo(413);
    assertThat(webhooks.received).isEmpty();
  }

  @Test
  void aFailingListenerAnswers500SoThatTheWebhookIsSentAgain() throws Exception {
    byte[] body = webhook(System.currentTimeMillis(), "{\"name\":\"channel_occupied\",\"channel\":\"listener-fails\"}");
    assertThat(postWebhook(body, sign(body), "application/json").statusCode()).isEqualTo(500);
  }

  @Test
  void webhooksAreOnlyPosted() throws Exception {
    Http http = anonymous();
    HttpResponse<String> answer = http.send(http.request("/pusher/webhooks").GET().build());
    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
    assertThat(answer.body()).isEqualTo("{\"error\":\"webhooks are POSTed\"}");
  }

  @Test
  void aVerifiedWebhookIsAnsweredWithAnEmptyObject() throws Exception {
    byte[] body = webhook(System.currentTimeMillis(), "{\"name\":\"channel_occupied\",\"channel\":\"a\"}");
    assertThat(postWebhook(body, sign(body), "application/json").body()).isEqualTo("{}");
  }

  // ---- helpers ---------------------------------------------------------------------------

  protected double count(String type, String verdict) {
    var counter = meters.find("channels4j.auth").tag("channel.type", type).tag("verdict", verdict).counter();
    return counter == null ? 0 : counter.count();
  }

  protected static byte[] webhook(long timeMs, String event) {
    return ("{\"time_ms\":" + timeMs + ",\"events\":[" + event + "]}").getBytes(StandardCharsets.UTF_8);
  }

  protected Map<String, String> sign(byte[] body) {
    Map<String, String> headers = new HashMap<>();
    client.signWebhook(body).forEach((name, values) -> headers.put(name, values.get(0)));
    return headers;
  }

  protected HttpResponse<String> postWebhook(byte[] body, Map<String, String> headers, String contentType) throws Exception {
    Http http = anonymous();
    HttpRequest.Builder request = http.request("/pusher/webhooks").header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return http.send(request.build());
  }

  protected Http as(String user) {
    return new Http(user);
  }

  protected Http anonymous() {
    return new Http(null);
  }

  /** A browser-like client: a cookie jar (the session), basic auth, and the CSRF token pusher-js sends. */
  protected final class Http {
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String user;
    private Map<String, String> csrf;

    Http(String user) {
      this.user = user;
    }

    public HttpRequest.Builder request(String path) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
      if (user != null) {
        request.header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)));
      }
      return request;
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> auth(String channel) throws Exception {
      return post("/pusher/auth", "socket_id=" + SOCKET + "&channel_name=" + channel);
    }

    public HttpResponse<String> post(String path, String form) throws Exception {
      return post(path, "application/x-www-form-urlencoded", form);
    }

    public HttpResponse<String> post(String path, String contentType, String body) throws Exception {
      if (csrf == null) {
        String page = send(request("/csrf").GET().build()).body();
        csrf = parseCsrf(page);
      }
      return send(request(path)
          .header("Content-Type", contentType)
          .header(csrf.get("header"), csrf.get("token"))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
  }

  private static Map<String, String> parseCsrf(String json) {
    Matcher m = Pattern.compile("\"(header|token)\":\"([^\"]*)\"").matcher(json);
    Map<String, String> values = new HashMap<>();
    while (m.find()) {
      values.put(m.group(1), m.group(2));
    }
    return values;
  }
}
