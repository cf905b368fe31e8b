package dev.channels4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command that needs the service says, in one line and with exit code 1, that it could not reach it. */
class ServerDownTest {
  @TempDir static Path dir;

  @ParameterizedTest
  @ValueSource(strings = {
      "trigger orders --event e --data {}",
      "batch EVENTS",
      "channels",
      "channel orders",
      "users presence-room",
      "terminate ada",
      "listen orders"})
  void commandExitsOneWithOneLine(String command) throws Exception {
    Path events = Files.writeString(dir.resolve("events.jsonl"), "{\"channel\":\"a\",\"name\":\"e\",\"data\":{}}\n");
    String[] args = (command.replace("EVENTS", events.toString()) + " --url " + LocalServerTest.downUrl()).split(" ");

    Cli.Result result = Cli.cli().run(args);

    assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.SERVICE_ERROR);
    String name = command.split(" ")[0];
    // batch accounts per line ("line 1: not sent: ..."); the others name themselves.
    String prefix = name.equals("batch") ? "line 1: not sent: " : "channels4j " + name + ": ";
    assertThat(result.err()).as(result.toString()).startsWith(prefix)
        .containsPattern("could not connect|cannot open a WebSocket");
    assertThat(result.out()).as(result.toString()).doesNotContain("Triggered", "Terminated");
  }
}
