package dev.channels4j.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Node script run as a child process that talks JSON lines: commands on its stdin, one JSON
 * object per line on its stdout. Lines that are not JSON objects (a peer's own log) and all of
 * stderr go to a log file under {@code target/interop-logs}, whose tail is quoted when something
 * times out.
 *
 * <p>Every script exits when its stdin closes, so a test JVM that dies takes its peers with it;
 * {@link #close()} closes stdin, then escalates to kill.
 */
final class NodeProcess implements AutoCloseable {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final JsonNode EXITED = Json.object().put("type", "__process_exited__");

  private final String name;
  private final Process process;
  private final Writer stdin;
  private final Path log;
  private final BlockingQueue<JsonNode> output = new LinkedBlockingQueue<>();

  private NodeProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readStdout, name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code node interop/scripts/<script> args...} in the interop folder. */
  static NodeProcess start(String name, String script, String... args) {
    return start(name, script, Map.of(), args);
  }

  /** As above, with more environment variables (e.g. NODE_EXTRA_CA_CERTS). */
  static NodeProcess start(String name, String script, Map<String, String> environment, String... args) {
    Path dir = NodePeers.installedDirectory();
    Path log = NodePeers.logDirectory().resolve(name + "-" + SEQUENCE.incrementAndGet() + ".log");
    List<String> command = new ArrayList<>();
    command.add(NodePeers.nodeExecutable());
    command.add(NodePeers.script(script).toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    try {
      return new NodeProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start " + String.join(" ", command) + " (is Node.js 18+ on the PATH?)", e);
    }
  }

  /** Writes one command line. */
  synchronized void send(JsonNode command) {
    try {
      stdin.write(Json.write(command));
      stdin.write('\n');
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(name + " no longer accepts commands" + logTail(), e);
    }
  }

  /** Writes many command lines at once (the reader thread keeps draining the answers meanwhile). */
  synchronized void sendAll(List<? extends JsonNode> commands) {
    try {
      for (JsonNode command : commands) {
        stdin.write(Json.write(command));
        stdin.write('\n');
      }
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(name + " no longer accepts commands" + logTail(), e);
    }
  }

  /** The next JSON line, waiting at most {@code timeout}; fails with the log's tail otherwise. */
  JsonNode take(Duration timeout) {
    JsonNode line;
    try {
      line = output.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
    if (line == null) {
      throw new AssertionError(name + " printed nothing within " + timeout + logTail());
    }
    if (line == EXITED) {
      output.add(EXITED);
      throw new AssertionError(name + " exited" + exitCode() + logTail());
    }
    return line;
  }

  /** The next JSON line if one is already there. */
  JsonNode poll() {
    JsonNode line = output.poll();
    if (line == EXITED) {
      output.add(EXITED);
      return null;
    }
    return line;
  }

  /** The last lines of this process's logs (stderr, then non-JSON stdout), for failure messages. */
  String logTail() {
    return tail(log) + tail(log.resolveSibling(log.getFileName() + ".stdout"));
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
      List<String> last = lines.subList(Math.max(0, lines.size() - 30), lines.size());
      return "\n--- last lines of " + file + " ---\n" + String.join("\n", last);
    } catch (IOException | UncheckedIOException e) {
      return "\n(log " + file + " unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException ignored) {
      // The process is gone already; nothing to close.
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String exitCode() {
    try {
      return process.waitFor(1, TimeUnit.SECONDS) ? " with code " + process.exitValue() : "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private void readStdout() {
    try (BufferedReader reader =
            new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer logWriter = Files.newBufferedWriter(
            log.resolveSibling(log.getFileName() + ".stdout"), StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("{")) {
          try {
            output.add(Json.MAPPER.readTree(line));
            continue;
          } catch (IOException notJson) {
            // A peer's log line that happens to start with a brace: log it like the others.
          }
        }
        logWriter.write(line);
        logWriter.write('\n');
        logWriter.flush();
      }
    } catch (IOException e) {
      // The process closed its stdout; EXITED below tells the waiting test.
    } finally {
      output.add(EXITED);
    }
  }
}
