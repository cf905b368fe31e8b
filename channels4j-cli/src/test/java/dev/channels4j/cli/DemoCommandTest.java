package dev.channels4j.cli;

import static dev.channels4j.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void everyStepRoundTripsAndTheTableSaysSo() {
    Cli.Result result = cli().run("demo");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).contains("All 10 steps round-tripped");
    assertThat(result.out().lines().filter(line -> line.matches("\\s+\\d+\\s+.*\\byes$"))).hasSize(10);
    assertThat(result.out()).doesNotContain("!!").doesNotContain("\u001b[");
  }

  @Test
  void outputFitsEightyColumns() {
    Cli.Result result = cli().run("demo");

    assertThat(result.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
  }
}
