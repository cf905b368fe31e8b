package dev.channels4j.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json}: machine-readable output for scripts instead of text for people.
 *
 * <pre>{@code
 * // in a command:  @Mixin OutputOptions output;
 * context.out().println(output.json ? CliJson.write(result) : describe(result));
 * }</pre>
 */
public final class OutputOptions {
  @Option(names = "--json", order = 200, description = "Print JSON (one object per line) instead of text.")
  public boolean json;
}
