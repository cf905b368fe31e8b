package dev.channels4j.cli.batch;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Shows how far a batch run is: a bar redrawn in place on a terminal, or, when the output is a
 * file or a pipe, a plain line at each tenth of the way, the first once a second has passed (none
 * for a run that ends within a second). Thread-safe.
 */
abstract class Progress {
  private static final long SECOND = 1_000_000_000L;

  final PrintWriter err;
  final int total;
  final LongSupplier nanoTime;
  final long startNanos;

  Progress(PrintWriter err, int total, LongSupplier nanoTime) {
    this.err = err;
    this.total = total;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
  }

  static Progress of(PrintWriter err, int total, boolean terminal, boolean enabled) {
    return of(err, total, terminal, enabled, System::nanoTime);
  }

  static Progress of(PrintWriter err, int total, boolean terminal, boolean enabled, LongSupplier nanoTime) {
    if (!enabled || total == 0) {
      return new Silent(err, total, nanoTime);
    }
    return terminal ? new Bar(err, total, nanoTime) : new Lines(err, total, nanoTime);
  }

  /** {@code done} of {@code total} events are settled (sent or failed). */
  abstract void update(int done);

  /** The run is over: leave the output clean. */
  abstract void finish(int done);

  double rate(int done) {
    double seconds = (nanoTime.getAsLong() - startNanos) / 1e9;
    return seconds <= 0 ? 0 : done / seconds;
  }

  String eta(int done) {
    if (done >= total) {
      return "done";
    }
    double rate = rate(done);
    // The first second's rate is mostly start-up cost: no estimate yet.
    if (done == 0 || rate <= 0 || nanoTime.getAsLong() - startNanos < SECOND) {
      return "ETA --";
    }
    return "ETA " + format(Duration.ofMillis((long) ((total - done) / rate * 1000)));
  }

  static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    return seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
  }

  private static final class Silent extends Progress {
    Silent(PrintWriter err, int total, LongSupplier nanoTime) {
      super(err, total, nanoTime);
    }

    @Override
    void update(int done) {}

    @Override
    void finish(int done) {}
  }

  /** {@code [########............] 450/1000 events  312/s  ETA 2s}, redrawn at most every 100 ms. */
  private static final class Bar extends Progress {
    private static final int WIDTH = 30;
    private long lastDrawNanos = Long.MIN_VALUE;

    Bar(PrintWriter err, int total, LongSupplier nanoTime) {
      super(err, total, nanoTime);
    }

    @Override
    synchronized void update(int done) {
      long now = nanoTime.getAsLong();
      if (done < total && lastDrawNanos != Long.MIN_VALUE && now - lastDrawNanos < SECOND / 10) {
        return;
      }
      lastDrawNanos = now;
      int filled = (int) ((long) WIDTH * done / total);
      String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
      err.print(String.format("\r[%s] %d/%d events  %.0f/s  %s   ", bar, done, total, rate(done), eta(done)));
      err.flush();
    }

    @Override
    synchronized void finish(int done) {
      lastDrawNanos = Long.MIN_VALUE;
      update(done);
      err.println();
      err.flush();
    }
  }

  /**
   * {@code batch: 450/1000 events (45%), 312/s, ETA 2s}: one line per tenth reached, so a log shows
   * ten lines however long the run; tenths passed within the first second share the first line.
   */
  private static final class Lines extends Progress {
    private int lastTenth;
    private boolean printed;

    Lines(PrintWriter err, int total, LongSupplier nanoTime) {
      super(err, total, nanoTime);
    }

    @Override
    synchronized void update(int done) {
      int tenth = (int) (10L * done / total);
      if (tenth > lastTenth && done < total && nanoTime.getAsLong() - startNanos >= SECOND) {
        lastTenth = tenth;
        print(done);
      }
    }

    @Override
    synchronized void finish(int done) {
      // A run that needed progress lines gets its last one; a quick run needs none.
      if (printed) {
        print(done);
      }
    }

    private void print(int done) {
      printed = true;
      err.println(String.format("batch: %d/%d events (%d%%), %.0f/s, %s",
          done, total, 100L * done / total, rate(done), eta(done)));
      err.flush();
    }
  }
}
