package dev.channels4j.cli;

import static dev.channels4j.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UsageTest {
  @ParameterizedTest
  @ValueSource(strings = {"demo", "serve", "trigger", "batch", "channels", "channel", "users", "terminate", "auth", "auth private",
      "auth presence", "auth user", "webhook", "webhook verify", "webhook sign", "keygen", "listen"})
  void everyCommandHasHelp(String command) {
    String[] args = (command + " --help").split(" ");

    Cli.Result result = cli().run(args);

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("Usage: channels4j " + command);
  }

  @Test
  void noCommandShowsTheCommandsAndExitsTwo() {
    Cli.Result result = cli().run();

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("demo").contains("trigger").contains("listen");
  }

  @Test
  void unknownCommandIsNamedInOneLine() {
    Cli.Result result = cli().run("trigerr");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).contains("trigerr");
  }

  @Test
  void missingRequiredOptionIsNamedInOneLine() {
    Cli.Result result = cli().run("trigger", "orders", "--data", "{}");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).isEqualTo(
        "channels4j trigger: Missing required option: '--event=<name>' (see channels4j trigger --help)\n");
  }

  @Test
  void versionNamesTheBuild() {
    Cli.Result result = cli().run("--version");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).containsPattern("^channels4j \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\RJava ");
  }
}
