package dev.channels4j.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What one run of the command line sees of the outside world: its environment variables, its
 * standard streams, and whether a person is watching. Tests build their own to run commands
 * in-process; {@link #system()} is the real one.
 *
 * @param env environment variables ({@code PUSHER_URL}, {@code PUSHER_ENCRYPTION_MASTER_KEY})
 * @param in standard input, read by {@code -} arguments
 * @param out standard output: results
 * @param err standard error: progress and error messages
 * @param interactive whether standard error is a terminal (progress bars, colors)
 *
 * <pre>{@code
 * CliContext context = new CliContext(Map.of("PUSHER_URL", url), System.in,
 *     new PrintWriter(out, true), new PrintWriter(err, true), false);
 * int exit = Main.run(context, "channels");
 * }</pre>
 */
public record CliContext(
    Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, boolean interactive) {

  /** The process's own environment and streams. */
  public static CliContext system() {
    boolean terminal = System.console() != null
        && !"dumb".equals(System.getenv("TERM"))
        && System.getenv("NO_COLOR") == null;
    return new CliContext(
        System.getenv(), System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true), terminal);
  }

  /** An environment variable, or {@code null} when unset or blank. */
  public String variable(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
