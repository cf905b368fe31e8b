package dev.channels4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ApiException;
import dev.channels4j.ChannelsClient;
import com.sun.net.httpserver.HttpServer;
import dev.channels4j.testkit.TestSubscriber;
import dev.channels4j.testsupport.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone local server as a user runs it: {@code ./channels4j serve} with flags, that is
 * {@code java -jar channels4j-cli/target/channels4j-cli.jar serve ...}, in its own process, with
 * its own logging backend. Driven over the network, then stopped (SIGTERM) and its output read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeJarIT {
  private static final String SECRET = "it-default-secret-7f3a";
  private static final String CHAT_SECRET = "it-chat-secret-91bc";
  private static final Pattern URL = Pattern.compile(
      "^PUSHER_URL=(http://app-key:" + SECRET + "@127\\.0\\.0\\.1:(\\d+)/apps/app-id)$", Pattern.MULTILINE);

  @TempDir
  static Path dir;
  private Process process;
  private Path out;
  private Path err;
  private HttpServer hooks;
  private String pusherUrl;
  private int port;
  private String stderr;

  @BeforeAll
  void startJarAndExercise() throws Exception {
    Path jar = Path.of(System.getProperty("cliJar", "target/channels4j-cli.jar"));
    assertThat(jar).as("the jar ./mvnw package builds").exists().hasFileName("channels4j-cli.jar");
    hooks = failingWebhookEndpoint();
    String hooksUrl = "http://127.0.0.1:" + hooks.getAddress().getPort() + "/hooks";
    out = dir.resolve("stdout.txt");
    err = dir.resolve("stderr.txt");
    process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
        "serve", "--port", "0", "--secret", SECRET, "--app", "chat:chat-key:" + CHAT_SECRET,
        "--client-events", "--user-auth", "--webhook-url", hooksUrl)
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    Matcher url = awaitOutput(URL);
    pusherUrl = url.group(1);
    port = Integer.parseInt(url.group(2));
    exercise();
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    stderr = Files.readString(err, StandardCharsets.UTF_8);
  }

  /** Connections, publishes, a client event, a webhook that fails, a bad signature, a bad sign-in, on both apps. */
  private void exercise() {
    try (ChannelsClient client = ChannelsClient.fromUrl(pusherUrl);
        ChannelsClient chat = ChannelsClient.builder().appId("chat").key("chat-key").secret(CHAT_SECRET)
            .host("127.0.0.1").port(port).useTls(false).build();
        ChannelsClient wrong = ChannelsClient.builder().appId("app-id").key("app-key").secret("not-the-secret")
            .host("127.0.0.1").port(port).useTls(false).build();
        TestSubscriber a = TestSubscriber.connect(ws("app-key"), client, Duration.ofSeconds(10));
        TestSubscriber b = TestSubscriber.connect(ws("app-key"), client, Duration.ofSeconds(10));
        TestSubscriber c = TestSubscriber.connect(ws("chat-key"), chat, Duration.ofSeconds(10))) {
      a.subscribe("private-jar");
      b.subscribe("private-jar");
      client.trigger("private-jar", "from-api", "1");
      a.awaitEvent("private-jar", "from-api");
      a.trigger("private-jar", "client-hi", "2");
      b.awaitEvent("private-jar", "client-hi");
      c.subscribe("private-chat-room");
      chat.trigger("private-chat-room", "chat-event", "3");
      c.awaitEvent("private-chat-room", "chat-event");
      assertThatThrownBy(() -> wrong.trigger("private-jar", "forged", "4"))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
      b.send("{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"app-key:00\",\"user_data\":\"{\\\"id\\\":\\\"1\\\"}\"}}");
      assertThat(b.awaitClose().code()).isEqualTo(4009);
    }
  }

  @AfterAll
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
    if (hooks != null) {
      hooks.stop(0);
    }
  }

  /** Answers every webhook with 500, so the server's failure path runs (and logs) too. */
  private static HttpServer failingWebhookEndpoint() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    server.start();
    return server;
  }

  private URI ws(String key) {
    return URI.create("ws://127.0.0.1:" + port + "/app/" + key + "?protocol=7");
  }

  private Matcher awaitOutput(Pattern pattern) throws Exception {
    Await.within(() -> pattern.matcher(read(out)).find() || !process.isAlive(), Duration.ofSeconds(30));
    Matcher matcher = pattern.matcher(read(out));
    if (matcher.find()) {
      return matcher;
    }
    throw new AssertionError("the jar did not print " + pattern + "; stdout: " + read(out) + "\nstderr: " + read(err));
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void printsThePusherUrlOfEachApp() throws IOException {
    assertThat(pusherUrl).isEqualTo("http://app-key:" + SECRET + "@127.0.0.1:" + port + "/apps/app-id");
    assertThat(read(out))
        .contains("App chat: PUSHER_URL=http://chat-key:" + CHAT_SECRET + "@127.0.0.1:" + port + "/apps/chat");
  }

  @Test
  void logsNoLinePerConnectionOrPublishAtInfo() {
    assertThat(stderr).contains("INFO dev.channels4j.local - channels4j local server listening on")
        .doesNotContain("published on").doesNotContainPattern("connection \\d+\\.\\d+ (opened|closed)");
  }

  @Test
  void portInUseNamesTheFlagThatPicksAnother() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int busy = taken.getLocalPort();
      Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          System.getProperty("cliJar", "target/channels4j-cli.jar"), "serve", "--port", Integer.toString(busy))
          .redirectErrorStream(true).start();
      String text = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isNotZero();
      assertThat(text).contains("cannot listen on 127.0.0.1:" + busy).contains("--port");
    }
  }

  @Test
  void logsNeverPrintSecrets() {
    // serve's own hint on stderr repeats the PUSHER_URL the user asked for; the log lines must not.
    String log = String.join("\n", stderr.lines()
        .filter(line -> line.matches("^\\d+ \\[[^]]*\\] (TRACE|DEBUG|INFO|WARN|ERROR) .*")).toList());
    assertThat(log).as("the log of a run with connections, publishes, failed webhooks and bad signatures")
        .contains("webhook").doesNotContain(SECRET).doesNotContain(CHAT_SECRET);
  }

  @Test
  void stopsOnSigterm() {
    assertThat(process.isAlive()).isFalse();
    assertThat(stderr).contains("channels4j local server stopped");
  }

  @Test
  void helpListsEveryFlag() throws Exception {
    Process help = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        System.getProperty("cliJar", "target/channels4j-cli.jar"), "serve", "--help").redirectErrorStream(true).start();
    String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(help.waitFor(15, TimeUnit.SECONDS)).isTrue();
    for (String flag : List.of("--host", "--port", "--app-id", "--key", "--secret", "--webhook-url", "--client-events",
        "--user-auth", "--subscription-count", "--app", "--config")) {
      assertThat(text).contains(flag);
    }
    assertThat(Optional.of(help.exitValue())).hasValue(0);
  }
}
