package dev.channels4j.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong clock = new AtomicLong();
  private final StringWriter err = new StringWriter();

  private Progress progress(int total, boolean terminal) {
    return Progress.of(new PrintWriter(err, true), total, terminal, true, clock::get);
  }

  @Test
  void plainLinesAppearAtEachTenthOnceASecondHasPassed() {
    Progress progress = progress(100, false);
    for (int done = 10; done <= 100; done += 10) {
      clock.addAndGet(SECOND);
      progress.update(done);
    }
    progress.finish(100);

    assertThat(err.toString().lines()).hasSize(10)
        .first().isEqualTo("batch: 10/100 events (10%), 10/s, ETA 9s");
    assertThat(err.toString().lines()).last().isEqualTo("batch: 100/100 events (100%), 10/s, done");
  }

  @Test
  void plainLinesAppearAtEachTenthEvenWhenTenthsAreLessThanASecondApart() {
    Progress progress = progress(100, false);
    clock.addAndGet(SECOND);
    for (int done = 10; done <= 100; done += 10) {
      clock.addAndGet(SECOND / 10);
      progress.update(done);
    }
    progress.finish(100);

    assertThat(err.toString().lines()).hasSize(10)
        .extracting(line -> line.substring(0, line.indexOf(" events")))
        .containsExactly("batch: 10/100", "batch: 20/100", "batch: 30/100", "batch: 40/100",
            "batch: 50/100", "batch: 60/100", "batch: 70/100", "batch: 80/100", "batch: 90/100",
            "batch: 100/100");
  }

  @Test
  void tenthsPassedWithinTheFirstSecondShareOneLine() {
    Progress progress = progress(100, false);
    clock.addAndGet(SECOND / 2);
    progress.update(30);
    clock.addAndGet(SECOND / 2);
    progress.update(40);
    progress.update(50);

    assertThat(err.toString().lines()).extracting(line -> line.substring(0, line.indexOf(" events")))
        .containsExactly("batch: 40/100", "batch: 50/100");
  }

  @Test
  void aRunShorterThanASecondPrintsNoLines() {
    Progress progress = progress(100, false);
    for (int done = 10; done <= 100; done += 10) {
      clock.addAndGet(SECOND / 20);
      progress.update(done);
    }
    progress.finish(100);

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void barIsRedrawnInPlaceAndEndsTheLine() {
    Progress progress = progress(40, true);
    clock.addAndGet(2 * SECOND);
    progress.update(20);
    clock.addAndGet(2 * SECOND);
    progress.finish(40);

    assertThat(err.toString()).isEqualTo(
        "\r[###############...............] 20/40 events  10/s  ETA 2s   "
            + "\r[##############################] 40/40 events  10/s  done   \n");
  }

  @Test
  void barIsNotRedrawnMoreThanTenTimesASecond() {
    Progress progress = progress(1000, true);
    for (int done = 1; done < 100; done++) {
      clock.addAndGet(SECOND / 1000);
      progress.update(done);
    }

    assertThat(err.toString().chars().filter(c -> c == '\r').count()).isEqualTo(1);
  }
}
