package dev.channels4j.local.internal.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without parking a thread: it takes what has arrived, then asks Jetty to
 * call it again when more comes ({@link Request#demand}). A peer that stops sending costs a
 * connection until the connector's idle timeout, never a thread. Refuses more than the limit as
 * soon as it is exceeded, and the bodies being read all together are bounded by a shared budget
 * (so many slow uploads cannot add up to the heap): a body that would exceed it is refused too.
 */
final class BodyReader implements Runnable {
  private final Request request;
  private final int limit;
  private final Consumer<byte[]> onBody;
  private final Consumer<Throwable> onFailure;
  private final Runnable onTooLarge;
  private final Runnable onBusy;
  private final AtomicLong budget;
  private byte[] bytes = new byte[0];
  private int size;

  private BodyReader(Request request, int limit, AtomicLong budget, Consumer<byte[]> onBody,
      Consumer<Throwable> onFailure, Runnable onTooLarge, Runnable onBusy) {
    this.budget = budget;
    this.onBusy = onBusy;
    this.request = request;
    this.limit = limit;
    this.onBody = onBody;
    this.onFailure = onFailure;
    this.onTooLarge = onTooLarge;
  }

  /**
   * Starts reading; exactly one of the four outcomes is called, maybe on another thread.
   *
   * @param budget bytes all readers may still hold; taken while reading, given back at the end
   */
  static void read(Request request, int limit, AtomicLong budget, Consumer<byte[]> onBody,
      Consumer<Throwable> onFailure, Runnable onTooLarge, Runnable onBusy) {
    new BodyReader(request, limit, budget, onBody, onFailure, onTooLarge, onBusy).run();
  }

  private boolean grow(int needed) {
    int capacity = Math.min(limit, Math.max(needed, Math.max(1024, bytes.length * 2)));
    int more = capacity - bytes.length;
    if (budget.addAndGet(-more) < 0) {
      budget.addAndGet(more);
      return false;
    }
    bytes = Arrays.copyOf(bytes, capacity);
    return true;
  }

  private void finish() {
    budget.addAndGet(bytes.length);
  }

  @Override
  public void run() {
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        finish();
        onFailure.accept(chunk.getFailure());
        return;
      }
      ByteBuffer buffer = chunk.getByteBuffer();
      int length = buffer.remaining();
      if ((long) size + length > limit) {
        chunk.release();
        finish();
        onTooLarge.run();
        return;
      }
      if (size + length > bytes.length && !grow(size + length)) {
        chunk.release();
        finish();
        onBusy.run();
        return;
      }
      buffer.get(bytes, size, length);
      size += length;
      boolean last = chunk.isLast();
      chunk.release();
      if (last) {
        byte[] body = size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        finish();
        onBody.accept(body);
        return;
      }
    }
  }
}
