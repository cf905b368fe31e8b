package dev.channels4j.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in-process with its own environment, input and captured output. */
public final class Cli {
  private final Map<String, String> env = new HashMap<>();
  private String stdin = "";
  private boolean interactive;

  public static Cli cli() {
    return new Cli();
  }

  public Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public Cli stdin(String text) {
    this.stdin = text;
    return this;
  }

  /** As if a person watched a terminal: progress bars and colors. */
  public Cli interactive() {
    this.interactive = true;
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = new CliContext(Map.copyOf(env),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out, true), new PrintWriter(err, true), interactive);
    int exit = Main.run(context, args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** What one run printed and returned. */
  public record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
