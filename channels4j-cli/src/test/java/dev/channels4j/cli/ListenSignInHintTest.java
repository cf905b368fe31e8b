package dev.channels4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.local.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** listen --sign-in against a server started without --user-auth, as a plain ./channels4j serve is. */
class ListenSignInHintTest {
  private static LocalServer server;

  @BeforeAll
  static void startServer() {
    server = LocalServer.builder().host("127.0.0.1").port(0).build().start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void aRefusedSignInNamesTheServeFlagThatAllowsIt() {
    Cli.Result result = Cli.cli().env("PUSHER_URL", server.pusherUrl())
        .run("listen", "hint-news", "--sign-in", "{\"id\":\"ada\"}", "--count", "1");

    assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.SERVICE_ERROR);
    assertThat(result.err()).contains("not enabled").contains("./channels4j serve --user-auth");
  }
}
