package dev.channels4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.cli.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTableTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text, true);

  @Test
  void aFailedExpectationFailsTheStepAndSaysWhy() {
    StepLog log = new StepLog(out, new Style(false), "Public trigger");
    log.sent("1 event", "trigger demo-public greeting {}");
    log.expect(true, "never shown");
    log.expect(false, "alice did not receive greeting within 3 s");

    Demo.StepResult result = log.result();

    assertThat(result.ok()).isFalse();
    assertThat(result.sent()).isEqualTo("1 event");
    assertThat(result.received()).isEqualTo("-");
    assertThat(text.toString()).contains("!! alice did not receive greeting within 3 s").doesNotContain("never shown");
  }

  @Test
  void tableHasOneAlignedRowPerStep() {
    DemoCommand.printTable(out, new Style(false), List.of(
        new Demo.StepResult("Public trigger", "1 event", "1/1 at alice", true),
        new Demo.StepResult("Webhook", "1 subscription", "-", false)));

    assertThat(text.toString().lines()).containsExactly(
        "  #   Step            Sent            Received      OK",
        "  ------------------------------------------------------",
        "  1   Public trigger  1 event         1/1 at alice  yes",
        "  2   Webhook         1 subscription  -             NO");
  }
}
