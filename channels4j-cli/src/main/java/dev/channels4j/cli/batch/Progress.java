package dev.channels4j.cli.batch;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows how far a batch run is: a bar redrawn in place on a terminal, or a plain line at every
 * tenth of the way when the output is a file or a pipe. Thread-safe.
 */
abstract class Progress {
  final PrintWriter err;
  final int total;
  final long startNanos = System.nanoTime();

  Progress(PrintWriter err, int total) {
    this.err = err;
    this.total = total;
  }

  static Progress of(PrintWriter err, int total, boolean terminal, boolean enabled) {
    if (!enabled || total == 0) {
      return new Silent(err, total);
    }
    return terminal ? new Bar(err, total) : new Lines(err, total);
  }

  /** {@code done} of {@code total} events are settled (sent or failed). */
  abstract void update(int done);

  /** The run is over: leave the terminal clean. */
  abstract void finish(int done);

  double rate(int done) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    return seconds <= 0 ? 0 : done / seconds;
  }

  String eta(int done) {
    double rate = rate(done);
    // The first second's rate is mostly start-up cost: no estimate yet.
    if (done == 0 || rate <= 0 || System.nanoTime() - startNanos < 1_000_000_000L) {
      return "--";
    }
    return format(Duration.ofMillis((long) ((total - done) / rate * 1000)));
  }

  static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    return seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
  }

  private static final class Silent extends Progress {
    Silent(PrintWriter err, int total) {
      super(err, total);
    }

    @Override
    void update(int done) {}

    @Override
    void finish(int done) {}
  }

  /** {@code [########............]  450/1000 events  312/s  ETA 2s}, redrawn at most every 100 ms. */
  private static final class Bar extends Progress {
    private static final int WIDTH = 30;
    private long lastDrawNanos;

    Bar(PrintWriter err, int total) {
      super(err, total);
    }

    @Override
    synchronized void update(int done) {
      long now = System.nanoTime();
      if (done < total && now - lastDrawNanos < 100_000_000L) {
        return;
      }
      lastDrawNanos = now;
      int filled = (int) ((long) WIDTH * done / total);
      String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
      err.print(String.format("\r[%s] %d/%d events  %.0f/s  ETA %s   ", bar, done, total, rate(done), eta(done)));
      err.flush();
    }

    @Override
    synchronized void finish(int done) {
      lastDrawNanos = 0;
      update(done);
      err.println();
      err.flush();
    }
  }

  /** {@code batch: 450/1000 events (45%), 312/s, ETA 2s}, at each tenth. */
  private static final class Lines extends Progress {
    private int lastTenth;

    Lines(PrintWriter err, int total) {
      super(err, total);
    }

    @Override
    synchronized void update(int done) {
      int tenth = (int) (10L * done / total);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        err.println(String.format("batch: %d/%d events (%d%%), %.0f/s, ETA %s",
            done, total, 100L * done / total, rate(done), eta(done)));
        err.flush();
      }
    }

    @Override
    void finish(int done) {}
  }
}
