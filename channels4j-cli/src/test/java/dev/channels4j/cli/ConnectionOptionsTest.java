package dev.channels4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConnectionOptionsTest {
  private static TargetApp resolve(Map<String, String> env, String... args) {
    CliContext context = new CliContext(env, new ByteArrayInputStream(new byte[0]),
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
    ConnectionOptions options = new ConnectionOptions(context);
    new CommandLine(options).parseArgs(args);
    return options.resolve();
  }

  @Test
  void withNothingGivenItIsTheLocalServer() {
    TargetApp connection = resolve(Map.of());

    assertThat(connection.apiBase()).hasToString("http://127.0.0.1:6001");
    assertThat(connection.appId()).isEqualTo("app-id");
    assertThat(connection.key()).isEqualTo("app-key");
  }

  @Test
  void pusherUrlIsUsedWhenNoUrlFlagIsGiven() {
    TargetApp connection = resolve(Map.of("PUSHER_URL", "https://k:s@api.example.com/apps/42"));

    assertThat(connection.apiBase()).hasToString("https://api.example.com:443");
    assertThat(connection.appId()).isEqualTo("42");
    assertThat(connection.secret()).isEqualTo("s");
  }

  @Test
  void urlFlagWinsOverPusherUrl() {
    TargetApp connection = resolve(Map.of("PUSHER_URL", "https://k:s@api.example.com/apps/42"),
        "--url", "http://k2:s2@127.0.0.1:7000/apps/7");

    assertThat(connection.apiBase()).hasToString("http://127.0.0.1:7000");
    assertThat(connection.key()).isEqualTo("k2");
  }

  @Test
  void individualFlagsOverrideOnlyTheirPartOfTheUrl() {
    TargetApp connection = resolve(Map.of("PUSHER_URL", "http://k:s@127.0.0.1:7000/apps/7"), "--port", "7001");

    assertThat(connection.apiBase()).hasToString("http://127.0.0.1:7001");
    assertThat(connection.key()).isEqualTo("k");
  }

  @Test
  void clusterMeansPusherOverTls() {
    TargetApp connection = resolve(Map.of(), "--cluster", "eu", "--key", "k", "--secret", "s", "--app-id", "1");

    assertThat(connection.apiBase()).hasToString("https://api-eu.pusher.com:443");
    assertThat(connection.webSocketUri("c", "1").toString()).startsWith("wss://ws-eu.pusher.com:443/app/k?protocol=7");
  }

  @Test
  void aBadPusherUrlIsNamedAsSuch() {
    assertThatThrownBy(() -> resolve(Map.of("PUSHER_URL", "ftp://x")))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("PUSHER_URL must start with http:// or https://");
  }

  @Test
  void masterKeyComesFromTheEnvironment() {
    TargetApp connection = resolve(Map.of("PUSHER_ENCRYPTION_MASTER_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));

    assertThat(connection.encryptionMasterKey()).startsWith("AAEC");
  }

  @Test
  void toStringHidesTheSecretAndTheMasterKey() {
    TargetApp connection = resolve(Map.of(), "--secret", "hush",
        "--encryption-master-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    assertThat(connection.toString()).doesNotContain("hush").doesNotContain("AAEC");
  }

  @Test
  void hostMayCarryThePort() {
    TargetApp connection = resolve(Map.of(), "--host", "127.0.0.1:7002");

    assertThat(connection.apiBase()).hasToString("http://127.0.0.1:7002");
  }

  @Test
  void hostWithoutAPortKeepsThePortInEffect() {
    TargetApp connection = resolve(Map.of("PUSHER_URL", "http://k:s@127.0.0.1:7000/apps/7"), "--host", "localhost");

    assertThat(connection.apiBase()).hasToString("http://localhost:7000");
  }

  @Test
  void hostAndPortFlagsNamingDifferentPortsAreRefused() {
    assertThatThrownBy(() -> resolve(Map.of(), "--host", "127.0.0.1:7002", "--port", "7003"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--host 127.0.0.1:7002 and --port 7003");
  }

  @Test
  void aHostWithABadPortIsRefusedNamingTheFlag() {
    assertThatThrownBy(() -> resolve(Map.of(), "--host", "127.0.0.1:http"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--host 127.0.0.1:http: the port after ':' must be a number from 1 to 65535");
  }

  @Test
  void aBracketedIpv6HostMayCarryThePort() {
    TargetApp connection = resolve(Map.of(), "--host", "[::1]:7004");

    assertThat(connection.apiBase().getPort()).isEqualTo(7004);
  }
}
