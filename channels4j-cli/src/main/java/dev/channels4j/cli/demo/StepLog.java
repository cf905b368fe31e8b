package dev.channels4j.cli.demo;

import dev.channels4j.cli.Style;
import java.io.PrintWriter;

/**
 * What one demo step did, printed as it happens and kept for the summary: what was sent, what
 * arrived, and whether every expectation held.
 */
final class StepLog {
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
    out.println(INDENT + style.yellow("->") + " " + detail);
    out.flush();
  }

  /** Something that arrived; {@code summary} goes to the table. */
  void received(String summary, String detail) {
    received = summary;
    out.println(INDENT + style.green("<-") + " " + detail);
    out.flush();
  }

  /** A line of context. */
  void note(String text) {
    out.println(INDENT + "   " + style.dim(text));
    out.flush();
  }

  /** An expectation: when it fails the step fails, and the reason is printed. */
  void expect(boolean holds, String failure) {
    if (!holds) {
      ok = false;
      out.println(INDENT + style.red("!! " + failure));
      out.flush();
    }
  }

  void receivedSummary(String summary) {
    received = summary;
  }

  void failed(String why) {
    expect(false, why);
  }

  Demo.StepResult result() {
    return new Demo.StepResult(title, sent, received, ok);
  }
}
