package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ApiException;
import dev.channels4j.ChannelsClient;
import dev.channels4j.testsupport.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The debug console's endpoints, over HTTP: the page, the state, the live stream, the actions, the bounds. */
class ConsoleTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final HttpClient http = HttpClient.newHttpClient();
  private LocalServer server;
  private URI console;

  @BeforeEach
  void start() {
    server = LocalServer.builder().port(0).console(0).secret("very-secret-value").build().start();
    console = server.consoleUri().orElseThrow();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json, boolean withHeader) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(console.resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
    if (withHeader) {
      request.header("X-Channels4j-Console", "1");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Lines of the live stream, collected as they arrive. */
  private List<String> stream() {
    List<String> lines = new CopyOnWriteArrayList<>();
    http.sendAsync(HttpRequest.newBuilder(console.resolve("/console/api/events")).build(),
        HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
          try (Stream<String> body = response.body()) {
            body.forEach(lines::add);
          } catch (RuntimeException closed) {
            // the server stopped
          }
        });
    return lines;
  }

  private static RawWebSocket subscriber(LocalServer server, String channel) throws IOException {
    RawWebSocket socket = RawWebSocket.connect(server);
    socket.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
    return socket;
  }

  private static String readUntil(RawWebSocket socket, String needle) throws IOException {
    for (int i = 0; i < 20; i++) {
      String text = new String(socket.readFrame().payload(), StandardCharsets.UTF_8);
      if (text.contains(needle)) {
        return text;
      }
    }
    throw new AssertionError("no frame containing " + needle);
  }

  @Test
  void isOffByDefaultAndNeverOnTheApiPort() throws Exception {
    try (LocalServer plain = LocalServer.builder().port(0).build().start()) {
      assertThat(plain.consoleUri()).isEmpty();
      URI apiConsole = URI.create("http://127.0.0.1:" + plain.port() + "/console");
      assertThat(get(apiConsole).statusCode()).isEqualTo(404);
    }
    assertThat(console.getPort()).isNotEqualTo(server.port());
  }

  @Test
  void servesThePageWithTheEventCreatorForm() throws Exception {
    HttpResponse<String> page = get(console);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("name=\"channel\"", "name=\"event\"", "name=\"data\"", "type=\"submit\"");
    assertThat(get(console.resolve("/console/console.js")).statusCode()).isEqualTo(200);
  }

  @Test
  void nothingServedCarriesTheSecret() throws Exception {
    try (ChannelsClient client = server.newClient(); RawWebSocket socket = subscriber(server, "private-x")) {
      client.trigger("room", "created", Map.of("id", 1));
      for (String path : List.of("/console", "/console/console.js", "/console/console.css", "/console/api/state")) {
        assertThat(get(console.resolve(path)).body()).as(path).doesNotContain("very-secret-value");
      }
    }
  }

  @Test
  void theStateListsConnectionsAndTheirSubscriptions() throws Exception {
    try (RawWebSocket socket = subscriber(server, "room")) {
      String established = readUntil(socket, "connection_established");
      readUntil(socket, "subscription_succeeded");
      String socketId = established.replaceAll(".*socket_id\\\\\":\\\\\"([0-9.]+).*", "$1");
      String state = get(console.resolve("/console/api/state")).body();
      assertThat(state).contains("\"socketId\":\"" + socketId + "\"", "\"name\":\"room\"", "\"subscriptionCount\":1");
    }
  }

  @Test
  void theStreamCarriesAnApiEventLive() throws Exception {
    List<String> lines = stream();
    Await.until("the stream opens", () -> lines.stream().anyMatch(l -> l.startsWith("event: state")), WAIT);
    try (ChannelsClient client = server.newClient()) {
      client.trigger("room", "created", Map.of("id", 42));
    }
    Await.until("the event on the stream", () -> lines.stream()
        .anyMatch(l -> l.startsWith("data: ") && l.contains("\"type\":\"api\"") && l.contains("\"event\":\"created\"")), WAIT);
  }

  @Test
  void publishingFromTheConsoleReachesSubscribers() throws Exception {
    try (RawWebSocket socket = subscriber(server, "room")) {
      readUntil(socket, "subscription_succeeded");
      HttpResponse<String> answer = post("/console/api/publish",
          "{\"channel\":\"room\",\"event\":\"hello\",\"data\":\"{\\\"n\\\":1}\"}", true);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(readUntil(socket, "\"hello\"")).contains("\"channel\":\"room\"");
    }
  }

  @Test
  void aBadChannelNameIsRefusedWithTheReason() throws Exception {
    HttpResponse<String> answer = post("/console/api/publish", "{\"channel\":\"a b\",\"event\":\"e\",\"data\":\"x\"}", true);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("error");
  }

  @Test
  void anActionWithoutTheConsoleHeaderIsForbidden() throws Exception {
    assertThat(post("/console/api/publish", "{\"channel\":\"room\",\"event\":\"e\",\"data\":\"x\"}", false).statusCode())
        .isEqualTo(403);
  }

  @Test
  void faultsInjectedFromTheConsoleFailTheNextRequest() throws Exception {
    assertThat(post("/console/api/faults", "{\"action\":\"respond\",\"count\":1,\"status\":503}", true).statusCode())
        .isEqualTo(200);
    try (ChannelsClient client = ChannelsClient.builder().url(server.pusherUrl())
        .retryPolicy(dev.channels4j.RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> client.channels()).isInstanceOfSatisfying(ApiException.class,
          e -> assertThat(e.status()).isEqualTo(503));
    }
  }

  @Test
  void liveStreamsAreBounded() throws Exception {
    for (int i = 0; i < 8; i++) {
      List<String> lines = stream();
      Await.until("stream " + i + " opens", () -> !lines.isEmpty(), WAIT);
    }
    assertThat(get(console.resolve("/console/api/events")).statusCode()).isEqualTo(503);
  }

  @Test
  void aRequestNamingAnotherHostIsRefused() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", console.getPort())) {
      socket.getOutputStream().write(("GET /console/api/state HTTP/1.1\r\nHost: evil.example:" + console.getPort()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 421");
    }
  }

  @Test
  void theConsolePortServesNothingElse() throws Exception {
    assertThat(get(console.resolve("/apps/app-id/channels")).statusCode()).isEqualTo(404);
  }
}
