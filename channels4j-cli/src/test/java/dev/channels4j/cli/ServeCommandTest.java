package dev.channels4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.TransportException;
import dev.channels4j.testsupport.Await;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
  @Test
  void servesUntilInterruptedAndPrintsThePusherUrl() throws Exception {
    StringWriter out = new StringWriter();
    CliContext context = new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false);
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serve = new Thread(() -> exit.set(Main.run(context, "serve", "--port", "0", "--app-id", "s-app")));
    serve.start();
    String url = awaitPusherUrl(out);

    try (ChannelsClient client = ChannelsClient.fromUrl(url)) {
      assertThat(url).contains("/apps/s-app");
      assertThat(client.channels().names()).isEmpty();

      serve.interrupt();
      serve.join(10_000);

      assertThat(exit.get()).isZero();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.channels())
          .isInstanceOf(TransportException.class);
    }
  }

  @Test
  void servesMoreAppsWithTheStandaloneJarsAppFlag() throws Exception {
    StringWriter out = new StringWriter();
    CliContext context = new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false);
    Thread serve = new Thread(() -> Main.run(context, "serve", "--port", "0", "--app", "chat:chat-key:chat-secret"));
    serve.start();
    try {
      awaitPusherUrl(out);
      String chatUrl = out.toString().lines().filter(line -> line.startsWith("App chat: PUSHER_URL="))
          .findFirst().orElseThrow().replaceFirst("App chat: PUSHER_URL=", "").replaceFirst(" WebSocket: .*", "");

      try (ChannelsClient chat = ChannelsClient.fromUrl(chatUrl)) {
        assertThat(chatUrl).contains("chat-key:chat-secret@").contains("/apps/chat");
        assertThat(chat.channels().names()).isEmpty();
      }
    } finally {
      serve.interrupt();
      serve.join(10_000);
    }
  }

  @Test
  void printsTheConsoleUrlAndServesTheConsoleThere() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out, true), new PrintWriter(err, true), false);
    Thread serve = new Thread(() -> Main.run(context, "serve", "--port", "0"));
    serve.start();
    try {
      awaitRunning(err);
      String console = out.toString().lines().filter(line -> line.startsWith("Console: "))
          .findFirst().orElseThrow().substring("Console: ".length());
      java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(console)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Event Creator");
    } finally {
      serve.interrupt();
      serve.join(10_000);
    }
  }

  @Test
  void noConsoleServesNone() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out, true), new PrintWriter(err, true), false);
    Thread serve = new Thread(() -> Main.run(context, "serve", "--port", "0", "--no-console"));
    serve.start();
    try {
      awaitRunning(err);
      assertThat(out.toString()).doesNotContain("Console: ");
    } finally {
      serve.interrupt();
      serve.join(10_000);
    }
  }

  @Test
  void badFlagIsBadInput() {
    Cli.Result result = Cli.cli().run("serve", "--port", "0", "--webhook-url", " ");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("webhook URL must not be empty");
  }

  @Test
  void portInUseIsExitOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      Cli.Result result = Cli.cli().run("serve", "--port", String.valueOf(taken.getLocalPort()));

      assertThat(result.exit()).isEqualTo(ExitCodes.SERVICE_ERROR);
      assertThat(result.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  /** Waits for serve's PUSHER_URL line (also used by {@link ServeTlsTest}). */
  static String awaitPusherUrl(StringWriter out) {
    if (!Await.within(() -> pusherUrl(out).isPresent(), Duration.ofSeconds(10))) {
      throw new AssertionError("serve printed no PUSHER_URL within 10 s; it printed: " + out);
    }
    return pusherUrl(out).orElseThrow();
  }

  private static Optional<String> pusherUrl(StringWriter out) {
    return out.toString().lines().filter(line -> line.startsWith("PUSHER_URL="))
        .map(line -> line.substring("PUSHER_URL=".length())).findFirst();
  }

  /** Waits for the banner, printed after every URL line. */
  private static void awaitRunning(StringWriter err) {
    Await.until("serve prints its banner; it printed: " + err,
        () -> err.toString().contains("Local Channels server running"), Duration.ofSeconds(10));
  }
}
