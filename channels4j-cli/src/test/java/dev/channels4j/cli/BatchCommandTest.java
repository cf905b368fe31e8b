package dev.channels4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.local.AcceptedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandTest extends LocalServerTest {
  @TempDir Path dir;

  private Path file(List<String> lines) throws Exception {
    return Files.write(dir.resolve("events.jsonl"), lines);
  }

  private static List<String> events(String channel, int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> "{\"channel\":\"" + channel + "\",\"name\":\"tick\",\"data\":{\"n\":" + i + "}}")
        .toList();
  }

  @Test
  void sendsEveryEventInBatchesOfTheLimit() throws Exception {
    Cli.Result result = cli().run("batch", file(events("b-all", 25)).toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("Sent 25 of 25 events in 3 batches");
    assertThat(accepted("b-all")).hasSize(25).extracting(AcceptedEvent::data).contains("{\"n\":1}", "{\"n\":25}");
  }

  @Test
  void concurrencyOfOneKeepsTheFileOrder() throws Exception {
    Cli.Result result = cli().run("batch", file(events("b-order", 30)).toString(), "--concurrency", "1");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(accepted("b-order")).extracting(AcceptedEvent::data)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 30).mapToObj(i -> "{\"n\":" + i + "}").toList());
  }

  @Test
  void stringDataIsSentAsIs() throws Exception {
    Cli.Result result = cli().run("batch",
        file(List.of("{\"channel\":\"b-string\",\"name\":\"ev\",\"data\":\"plain text\"}")).toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(accepted("b-string")).extracting(AcceptedEvent::data).containsExactly("plain text");
  }

  @Test
  void invalidLinesAreReportedByNumberAndTheRestIsSent() throws Exception {
    List<String> lines = new ArrayList<>(events("b-mixed", 3));
    lines.add(1, "{not json");
    lines.add("{\"channel\":\"bad channel\",\"name\":\"ev\",\"data\":{}}");
    lines.add("");
    lines.add("{\"channel\":\"b-mixed\",\"data\":{}}");

    Cli.Result result = cli().run("batch", file(lines).toString());

    assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("line 2: not valid JSON")
        .contains("line 5: channel name \"bad channel\" may only contain")
        .contains("line 7: \"name\" is missing");
    assertThat(result.out()).contains("Sent 3 of 6 events").contains("3 lines are invalid");
    assertThat(accepted("b-mixed")).hasSize(3);
  }

  @Test
  void refusedBatchesAreReportedWithTheirLinesAndExitOne() throws Exception {
    Cli.Result result = cli().run("batch", file(events("b-refused", 12)).toString(), "--secret", "wrong");

    assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.SERVICE_ERROR);
    assertThat(result.err()).startsWith("lines 1-12: not sent: ").contains("401");
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.out()).contains("Sent 0 of 12 events").contains("12 events were refused");
    assertThat(accepted("b-refused")).isEmpty();
  }

  @Test
  void encryptedLineWithoutAMasterKeyIsInvalid() throws Exception {
    Cli.Result result = Cli.cli().env("PUSHER_URL", server.pusherUrl())
        .run("batch", file(List.of("{\"channel\":\"private-encrypted-b\",\"name\":\"ev\",\"data\":{}}")).toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("line 1: channel \"private-encrypted-b\" is encrypted: give --encryption-master-key");
  }

  @Test
  void oversizedDataIsInvalidBeforeSending() throws Exception {
    String big = "x".repeat(10_241);
    Cli.Result result = cli().run("batch",
        file(List.of("{\"channel\":\"b-big\",\"name\":\"ev\",\"data\":\"" + big + "\"}")).toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("line 1: event data is 10241 bytes, more than the limit of 10240");
    assertThat(accepted("b-big")).isEmpty();
  }

  @Test
  void noProgressBarWhenNotOnATerminal() throws Exception {
    Cli.Result result = cli().run("batch", file(events("b-plain", 40)).toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.err()).doesNotContain("\r");
  }

  @Test
  void progressBarOnATerminal() throws Exception {
    Cli.Result result = cli().interactive().run("batch", file(events("b-bar", 40)).toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.err()).contains("\r[##############################] 40/40 events").endsWith("done   \n");
  }

  @Test
  void dryRunChecksWithoutSending() throws Exception {
    Cli.Result result = cli().run("batch", file(events("b-dry", 5)).toString(), "--dry-run");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("5 of 5 events are valid; nothing was sent");
    assertThat(accepted("b-dry")).isEmpty();
  }

  @Test
  void jsonSummaryListsProblemsByLine() throws Exception {
    List<String> lines = new ArrayList<>(events("b-json", 2));
    lines.add("[]");

    Cli.Result result = cli().run("batch", file(lines).toString(), "--json");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.out()).startsWith("{\"events\":3,\"sent\":2,\"batches\":1,\"invalid\":[{")
        .contains("\"line\":3");
  }

  @Test
  void readsStandardInput() {
    Cli.Result result = cli().stdin(String.join("\n", events("b-stdin", 3))).run("batch", "-");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(accepted("b-stdin")).hasSize(3);
  }

  @Test
  void emptyFileIsBadInput() throws Exception {
    Cli.Result result = cli().run("batch", file(List.of("", "  ")).toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("holds no events");
  }

  @Test
  void missingFileIsBadInput() {
    Cli.Result result = cli().run("batch", dir.resolve("missing.jsonl").toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("no such file");
  }

  @Test
  void unreachableServiceStopsTheRunAndAccountsForTheRest() throws Exception {
    Cli.Result result = Cli.cli()
        .run("batch", file(events("b-gone", 25)).toString(), "--url", downUrl(), "--concurrency", "1");

    assertThat(result.exit()).isEqualTo(ExitCodes.SERVICE_ERROR);
    assertThat(result.err().lines()).hasSize(2);
    assertThat(result.err().lines().toList().get(0)).startsWith("lines 1-10: not sent: ").contains("could not connect");
    assertThat(result.err().lines().toList().get(1))
        .isEqualTo("lines 11-25: not sent: skipped: the service could not be reached (see above)");
    assertThat(result.out()).contains("Sent 0 of 25 events in 1 batch");
  }

  @Test
  void serverDownFailsEveryLineWithExitOne() throws Exception {
    Cli.Result result = Cli.cli().run("batch", file(events("b-down", 3)).toString(), "--url", downUrl());

    assertThat(result.exit()).isEqualTo(ExitCodes.SERVICE_ERROR);
    assertThat(result.err()).contains("lines 1-3: not sent:").contains("could not connect");
  }
}
