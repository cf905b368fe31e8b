package dev.channels4j.cli;

/**
 * Colors for human-readable output, on when a person watches a terminal and off otherwise (pipes,
 * files, {@code NO_COLOR}, tests), so redirected output holds no escape codes.
 *
 * <pre>{@code
 * Style style = Style.of(context);
 * context.out().println(style.green("Triggered") + " " + style.bold(event));
 * }</pre>
 */
public final class Style {
  private final boolean ansi;

  public Style(boolean ansi) {
    this.ansi = ansi;
  }

  public static Style of(CliContext context) {
    return new Style(context.interactive());
  }

  public String bold(String text) {
    return wrap("1", text);
  }

  public String dim(String text) {
    return wrap("2", text);
  }

  public String green(String text) {
    return wrap("32", text);
  }

  public String red(String text) {
    return wrap("31", text);
  }

  public String yellow(String text) {
    return wrap("33", text);
  }

  public String cyan(String text) {
    return wrap("36", text);
  }

  public boolean enabled() {
    return ansi;
  }

  private String wrap(String code, String text) {
    return ansi ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
