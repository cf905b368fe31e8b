package dev.channels4j.cli.demo;

import dev.channels4j.cli.Style;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What one demo step did, printed as it happens and kept for the summary: what was sent, what
 * arrived, and whether every expectation held. Lines are wrapped to fit 80 columns.
 */
final class StepLog {
  static final int WIDTH = 80;
  private static final String INDENT = "       ";

  private final PrintWriter out;
  private final Style style;
  private final String title;
  private String sent = "-";
  private String received = "-";
  private boolean ok = true;

  StepLog(PrintWriter out, Style style, String title) {
    this.out = out;
    this.style = style;
    this.title = title;
  }

  /** Something the app (or a subscriber) sent; {@code summary} goes to the table. */
  void sent(String summary, String detail) {
    sent = summary;
    print(INDENT + style.yellow("->") + " ", INDENT + "   ", detail, UnaryOperator.identity());
  }

  /** Something that arrived; {@code summary} goes to the table. */
  void received(String summary, String detail) {
    received = summary;
    print(INDENT + style.green("<-") + " ", INDENT + "   ", detail, UnaryOperator.identity());
  }

  /** A line of context. */
  void note(String text) {
    print(INDENT + "   ", INDENT + "     ", text, style::dim);
  }

  /** An expectation: when it fails the step fails, and the reason is printed. */
  void expect(boolean holds, String failure) {
    if (!holds) {
      ok = false;
      print(INDENT + style.red("!!") + " ", INDENT + "   ", failure, style::red);
    }
  }

  void failed(String why) {
    expect(false, why);
  }

  Demo.StepResult result() {
    return new Demo.StepResult(title, sent, received, ok);
  }

  private void print(String first, String rest, String text, UnaryOperator<String> paint) {
    // The visible width of the first prefix, without its color codes.
    int firstWidth = first.replaceAll("\u001b\\[[0-9;]*m", "").length();
    List<String> lines = wrap(text, WIDTH - firstWidth, WIDTH - rest.length());
    for (int i = 0; i < lines.size(); i++) {
      out.println((i == 0 ? first : rest) + paint.apply(lines.get(i)));
    }
    out.flush();
  }

  /** Splits at spaces so each line fits; a word longer than a line stays whole. */
  static List<String> wrap(String text, int firstWidth, int restWidth) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int width = firstWidth;
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
        width = restWidth;
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
