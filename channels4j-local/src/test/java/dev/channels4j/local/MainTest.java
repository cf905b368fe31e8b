package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void defaultsAreSoketis() {
    Main main = new Main();
    new CommandLine(main).parseArgs();
    assertThat(main.host).isEqualTo("127.0.0.1");
    assertThat(main.port).isEqualTo(6001);
    assertThat(main.appId).isEqualTo("app-id");
    assertThat(main.key).isEqualTo("app-key");
    assertThat(main.secret).isEqualTo("app-secret");
    assertThat(main.clientEvents).isFalse();
  }

  @Test
  void flagsAreParsed() {
    Main main = new Main();
    new CommandLine(main).parseArgs("--host", "0.0.0.0", "--port", "7001", "--app-id", "1", "--key", "k",
        "--secret", "s", "--webhook-url", "http://127.0.0.1:1/a", "--webhook-url", "http://127.0.0.1:1/b",
        "--client-events", "--user-auth");
    assertThat(main.port).isEqualTo(7001);
    assertThat(main.webhookUrls).containsExactly("http://127.0.0.1:1/a", "http://127.0.0.1:1/b");
    assertThat(main.clientEvents).isTrue();
    assertThat(main.userAuthentication).isTrue();
  }

  @Test
  void badWebhookUrlExitsWithUsageCode() {
    int code = new CommandLine(new Main()).execute("--port", "0", "--webhook-url", "ftp://x");
    assertThat(code).isEqualTo(2);
  }
}
