package dev.channels4j.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineRangesTest {
  @Test
  void runsOfConsecutiveLinesBecomeRanges() {
    assertThat(LineRanges.format(List.of(3, 11, 12, 13, 20, 22, 23))).isEqualTo("3, 11-13, 20, 22-23");
  }

  @Test
  void aSingleLineIsItsNumber() {
    assertThat(LineRanges.format(List.of(7))).isEqualTo("7");
  }
}
