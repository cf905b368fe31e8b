package dev.channels4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.local.LocalApp;
import dev.channels4j.local.LocalServer;
import dev.channels4j.testkit.TestSubscriber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The flags of {@code serve}, formerly those of the standalone jar of channels4j-local. */
class ServerOptionsTest {
  @Command(name = "serve")
  static final class Flags {
    @Mixin
    ServerOptions options = new ServerOptions();

    LocalServer.Builder builder() {
      return options.builder();
    }
  }

  @Test
  void defaultsAreSoketis() {
    Flags main = new Flags();
    new CommandLine(main).parseArgs();
    assertThat(main.options.host).isEqualTo("127.0.0.1");
    assertThat(main.options.port).isEqualTo(6001);
    assertThat(main.options.appId).isEqualTo("app-id");
    assertThat(main.options.key).isEqualTo("app-key");
    assertThat(main.options.secret).isEqualTo("app-secret");
    assertThat(main.options.clientEvents).isFalse();
  }

  @Test
  void flagsAreParsed() {
    Flags main = new Flags();
    new CommandLine(main).parseArgs("--host", "0.0.0.0", "--port", "7001", "--app-id", "1", "--key", "k",
        "--secret", "s", "--webhook-url", "http://127.0.0.1:1/a", "--webhook-url", "http://127.0.0.1:1/b",
        "--client-events", "--user-auth");
    assertThat(main.options.port).isEqualTo(7001);
    assertThat(main.options.webhookUrls).containsExactly("http://127.0.0.1:1/a", "http://127.0.0.1:1/b");
    assertThat(main.options.clientEvents).isTrue();
    assertThat(main.options.userAuthentication).isTrue();
  }

  @Test
  void badWebhookUrlExitsWithUsageCode() {
    int code = Cli.cli().run("serve", "--port", "0", "--webhook-url", "ftp://x").exit();
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
  }

  private static Flags parse(String... args) {
    Flags main = new Flags();
    new CommandLine(main).parseArgs(args);
    return main;
  }

  @Test
  void appFlagServesAnotherAppWithTheSameSwitches() {
    Flags main = parse("--port", "0", "--client-events", "--app", "chat:chat-key:chat:secret", "--app", "b:b-key:b-s");
    try (LocalServer server = main.builder().build().start();
        ChannelsClient client = server.newClient("chat");
        TestSubscriber sender = TestSubscriber.connect(server.webSocketUri("chat"), client, Duration.ofSeconds(5));
        TestSubscriber receiver = TestSubscriber.connect(server.webSocketUri("chat"), client, Duration.ofSeconds(5))) {
      assertThat(server.apps()).extracting(LocalApp::id).containsExactly("app-id", "chat", "b");
      assertThat(server.app("chat").app().secret()).isEqualTo("chat:secret");
      sender.subscribe("private-room");
      receiver.subscribe("private-room");
      sender.trigger("private-room", "client-hi", "x");
      receiver.awaitEvent("private-room", "client-hi");
      client.trigger("private-room", "from-api", "y");
      receiver.awaitEvent("private-room", "from-api");
    }
  }

  @Test
  void malformedAppFlagIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> parse("--app", "only-id:hunter2").builder())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--app takes ID:KEY:SECRET")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void appFlagDuplicatingTheDefaultAppIdIsRefused() {
    int code = Cli.cli().run("serve", "--port", "0", "--app", "app-id:other-key:s").exit();
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void configFileServesAppsWithTheirOwnSwitches(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("apps.json");
    Files.writeString(file, "{\"apps\":[{\"id\":\"chat\",\"key\":\"chat-key\",\"secret\":\"chat-secret\","
        + "\"clientEvents\":true,\"userAuthentication\":true,\"subscriptionCount\":true,"
        + "\"webhookUrls\":[\"http://127.0.0.1:9/hooks\"]},"
        + "{\"id\":\"plain\",\"key\":\"plain-key\",\"secret\":\"plain-secret\"}]}");
    try (LocalServer server = parse("--port", "0", "--config", file.toString()).builder().build().start()) {
      LocalApp chat = server.app("chat").app();
      assertThat(chat.key()).isEqualTo("chat-key");
      assertThat(chat.secret()).isEqualTo("chat-secret");
      assertThat(chat.clientEvents()).isTrue();
      assertThat(chat.userAuthentication()).isTrue();
      assertThat(chat.subscriptionCount()).isTrue();
      assertThat(chat.webhookUrls()).extracting(Object::toString).containsExactly("http://127.0.0.1:9/hooks");
      LocalApp plain = server.app("plain").app();
      assertThat(plain.clientEvents()).isFalse();
      assertThat(plain.userAuthentication()).isFalse();
      assertThat(server.defaultApp().clientEvents()).isFalse();
    }
  }

  @Test
  void configFileWithUnknownFieldNamesTheFieldAndApp(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("apps.json");
    Files.writeString(file, "{\"apps\":[{\"id\":\"a\",\"key\":\"k\",\"secret\":\"s\",\"clientEvent\":true}]}");
    assertThatThrownBy(() -> parse("--config", file.toString()).builder())
        .hasMessageContaining("apps[0]").hasMessageContaining("unknown field \"clientEvent\"");
  }

  @Test
  void configFileWithoutAppsArrayIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("apps.json");
    Files.writeString(file, "[]");
    assertThatThrownBy(() -> parse("--config", file.toString()).builder())
        .hasMessageContaining("must be a JSON object with an \"apps\" array");
  }

  @Test
  void missingConfigFileIsRefused(@TempDir Path dir) {
    int code = Cli.cli().run("serve", "--port", "0", "--config", dir.resolve("nope.json").toString()).exit();
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
  }
}
