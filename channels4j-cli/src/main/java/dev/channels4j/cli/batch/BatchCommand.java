package dev.channels4j.cli.batch;

import dev.channels4j.ChannelsClient;
import dev.channels4j.cli.BadInputException;
import dev.channels4j.cli.CliContext;
import dev.channels4j.cli.TargetApp;
import dev.channels4j.cli.ConnectionOptions;
import dev.channels4j.cli.ExitCodes;
import dev.channels4j.cli.Inputs;
import dev.channels4j.cli.CliJson;
import dev.channels4j.cli.OutputOptions;
import dev.channels4j.cli.Style;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code batch <file.jsonl>}: publishes every event of a file, in batches, and accounts for every line.
 *
 * <pre>{@code
 * ./channels4j batch events.jsonl --concurrency 8
 * }</pre>
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Publish every event of a JSON Lines file, in batches, accounting for every line.",
        "One event per line: {\"channel\":\"orders\",\"name\":\"created\",\"data\":{\"id\":1}} with an optional \"socket_id\"; blank lines are ignored. Requests go out with bounded concurrency; invalid and failed lines are reported with their numbers. Exit code: 0 all sent, 1 the service refused some (or could not be reached), 2 some lines were invalid (the valid ones are still sent)."},
    footer = {"", "Example:", "  ./channels4j batch events.jsonl --concurrency 8"})
public final class BatchCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "<file.jsonl|->", description = "The events; - for standard input.")
  String file;

  @Option(names = "--batch-size", paramLabel = "<n>", defaultValue = "10",
      description = "Events per request: the app's batch limit (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--concurrency", paramLabel = "<n>", defaultValue = "4",
      description = "Requests in flight at once (default ${DEFAULT-VALUE}); 1 keeps the file's order.")
  int concurrency;

  @Option(names = "--max-data-size", paramLabel = "<bytes>", defaultValue = "10240",
      description = "The largest data of one event (default ${DEFAULT-VALUE}); raise it if your cluster allows more.")
  int maxDataSize;

  @Option(names = "--dry-run", description = "Check every line, send nothing.")
  boolean dryRun;

  @Option(names = "--no-progress", negatable = true, defaultValue = "true",
      description = "Show progress on standard error (default: on).")
  boolean progress;

  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  public BatchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (batchSize < 1) {
      throw new BadInputException("--batch-size must be at least 1, got " + batchSize);
    }
    if (concurrency < 1) {
      throw new BadInputException("--concurrency must be at least 1, got " + concurrency);
    }
    if (maxDataSize < 1) {
      throw new BadInputException("--max-data-size must be at least 1, got " + maxDataSize);
    }
    TargetApp app = connection.resolve();
    String text = new String(Inputs.bytes(context, file, "<file.jsonl>"), StandardCharsets.UTF_8);
    String[] rawLines = text.split("\r?\n", -1);
    List<BatchLine> lines = new ArrayList<>();
    for (int i = 0; i < rawLines.length; i++) {
      if (!rawLines[i].isBlank()) {
        lines.add(BatchLine.parse(i + 1, rawLines[i], app.encryptionMasterKey() != null, maxDataSize));
      }
    }
    if (lines.isEmpty()) {
      throw new BadInputException(("-".equals(file) ? "standard input" : file) + " holds no events (one JSON object per line)");
    }
    List<BatchLine> valid = lines.stream().filter(BatchLine::valid).toList();
    BatchRun.Outcome outcome;
    if (dryRun || valid.isEmpty()) {
      outcome = BatchRun.Outcome.nothingSent(valid.size());
    } else {
      try (ChannelsClient client = app.client(batchSize, maxDataSize)) {
        Progress bar = Progress.of(context.err(), valid.size(), context.interactive(), progress && !output.json);
        outcome = new BatchRun(client, batchSize, concurrency, bar).send(valid);
      }
    }
    List<BatchLine> invalid = lines.stream().filter(line -> !line.valid()).toList();
    report(lines.size(), invalid, outcome);
    if (outcome.failures().stream().anyMatch(f -> !f.refusedBeforeSending())) {
      return ExitCodes.SERVICE_ERROR;
    }
    return invalid.isEmpty() && outcome.failures().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
  }

  private void report(int total, List<BatchLine> invalid, BatchRun.Outcome outcome) {
    int failed = outcome.failures().stream().filter(f -> !f.refusedBeforeSending()).mapToInt(f -> f.lines().size()).sum();
    int refusedBeforeSending = outcome.failures().stream().filter(BatchRun.Failure::refusedBeforeSending)
        .mapToInt(f -> f.lines().size()).sum();
    if (output.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("events", total);
      json.put("sent", outcome.sent());
      json.put("batches", outcome.batches());
      json.put("invalid", invalid.stream().map(line -> Map.of("line", line.number(), "error", line.problem())).toList());
      json.put("failed", outcome.failures().stream()
          .map(f -> Map.of("lines", f.lines(), "error", f.message(), "sent", !f.refusedBeforeSending())).toList());
      json.put("seconds", outcome.seconds());
      json.put("dry_run", dryRun);
      context.out().println(CliJson.write(json));
      return;
    }
    Style style = Style.of(context);
    for (BatchLine line : invalid) {
      context.err().println("line " + line.number() + ": " + line.problem());
    }
    for (BatchRun.Failure failure : outcome.failures()) {
      List<Integer> numbers = failure.lines();
      context.err().println((numbers.size() == 1 ? "line " : "lines ") + LineRanges.format(numbers)
          + (failure.refusedBeforeSending() ? ": invalid, not sent: " : ": not sent: ") + failure.message());
    }
    String summary;
    if (dryRun) {
      summary = (total - invalid.size()) + " of " + total + " events are valid; nothing was sent (--dry-run).";
    } else {
      summary = String.format("Sent %d of %d events in %d %s, %.1f s (%.0f events/s).",
          outcome.sent(), total, outcome.batches(), outcome.batches() == 1 ? "batch" : "batches",
          outcome.seconds(), outcome.seconds() > 0 ? outcome.sent() / outcome.seconds() : 0.0);
    }
    boolean clean = invalid.isEmpty() && failed == 0 && refusedBeforeSending == 0;
    context.out().println(clean ? style.green(summary) : summary);
    if (!clean) {
      List<String> problems = new ArrayList<>();
      int invalidLines = invalid.size() + refusedBeforeSending;
      if (invalidLines > 0) {
        problems.add(invalidLines + (invalidLines == 1 ? " line is" : " lines are") + " invalid");
      }
      if (failed > 0) {
        problems.add(failed + (failed == 1 ? " event was" : " events were") + " refused or not delivered to the service");
      }
      context.out().println(style.red(String.join(", ", problems) + " (listed above)."));
    }
  }
}
