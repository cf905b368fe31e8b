package dev.channels4j.local.internal.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One page's live stream (Server-Sent Events). One write at a time; what waits is bounded by
 * {@value #MAX_WAITING} messages and {@value #MAX_WAITING_BYTES} bytes: a page that does not keep up
 * is dropped (it reconnects, as EventSource does, and gets the log's snapshot again).
 */
final class SseStream {
  static final int MAX_WAITING = 1000;
  static final long MAX_WAITING_BYTES = 2L * 1024 * 1024;

  private final Response response;
  private final Callback done;
  private final Runnable onEnd;
  private final Deque<ByteBuffer> waiting = new ArrayDeque<>();
  private long waitingBytes;
  private boolean writing;
  private boolean ended;

  SseStream(Response response, Callback done, Runnable onEnd) {
    this.response = response;
    this.done = done;
    this.onEnd = onEnd;
  }

  void offer(String event, String json) {
    send("event: " + event + "\ndata: " + json + "\n\n");
  }

  void comment(String text) {
    send(": " + text + "\n\n");
  }

  private void send(String text) {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    synchronized (this) {
      if (ended) {
        return;
      }
      if (waiting.size() >= MAX_WAITING || waitingBytes + bytes.remaining() > MAX_WAITING_BYTES) {
        end(new IllegalStateException("console page too slow: dropped"));
        return;
      }
      waiting.addLast(bytes);
      waitingBytes += bytes.remaining();
      if (writing) {
        return;
      }
      writing = true;
    }
    writeNext();
  }

  private void writeNext() {
    ByteBuffer next;
    synchronized (this) {
      next = waiting.pollFirst();
      if (next == null || ended) {
        writing = false;
        return;
      }
      waitingBytes -= next.remaining();
    }
    response.write(false, next, Callback.from(this::writeNext, this::end));
  }

  /** Ends the stream: the page went away, was too slow, or the console stops. */
  void end(Throwable why) {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      waiting.clear();
      waitingBytes = 0;
    }
    onEnd.run();
    done.failed(why);
  }
}
