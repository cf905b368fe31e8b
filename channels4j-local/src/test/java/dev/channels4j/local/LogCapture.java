package dev.channels4j.local;

import dev.channels4j.testsupport.Await;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Captures what the server logs while it is open. The tests' logging backend, slf4j-simple, writes
 * to whatever {@code System.err} is at the time of each call; this tees it into a buffer.
 */
final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  LogCapture() {
    OutputStream tee = new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (buffer) {
          buffer.write(b);
        }
        original.write(b);
      }

      @Override
      public void write(byte[] bytes, int off, int len) {
        synchronized (buffer) {
          buffer.write(bytes, off, len);
        }
        original.write(bytes, off, len);
      }
    };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  String text() {
    synchronized (buffer) {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }

  /** Waits until the log holds the fragment and returns the line holding it. */
  String awaitLine(String fragment, Duration timeout) {
    if (!Await.within(() -> line(fragment) != null, timeout)) {
      throw new AssertionError("nothing logged containing \"" + fragment + "\" within " + timeout.toMillis()
          + " ms; logged: " + text());
    }
    return line(fragment);
  }

  private String line(String fragment) {
    return text().lines().filter(l -> l.contains(fragment)).findFirst().orElse(null);
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
