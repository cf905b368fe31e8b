package dev.channels4j.testsupport.network;

import dev.channels4j.testsupport.network.Pipe.Chunk;
import dev.channels4j.testsupport.network.Pipe.Direction;
import dev.channels4j.testsupport.network.Pipe.Side;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The delay lines between the sides of every pipe: when each chunk falls due (half the RTT plus
 * jitter, never before the chunk ahead of it), and writing the due chunks in order as far as the
 * receiver takes them. Used by the proxy's one thread only; {@link ProxyLoop} keeps the sockets,
 * their interest ops and the closing.
 */
final class DelayLines {
  /** What the lines need of the loop's socket bookkeeping. */
  interface Sockets {
    /** Sets the side's interest ops from its state and its lines'. */
    void interest(Side side);

    void closePipe(Pipe pipe, boolean reset);
  }

  private final long halfRttNanos;
  private final long jitterNanos;
  private final int maxBuffered;
  private final SplittableRandom random;
  private final ProxyCounters counters;
  private final Sockets sockets;
  /** Directions holding chunks: the only ones a pass of the loop needs to look at. */
  private final Set<Direction> pending = new LinkedHashSet<>();
  private boolean blackHole;

  DelayLines(NetworkProxy.Builder config, ProxyCounters counters, Sockets sockets) {
    this.halfRttNanos = config.rtt.toNanos() / 2;
    this.jitterNanos = config.jitter.toNanos();
    this.maxBuffered = config.maxBufferedBytes;
    this.random = new SplittableRandom(config.seed);
    this.counters = counters;
    this.sockets = sockets;
  }

  boolean blackHole() {
    return blackHole;
  }

  /** While on, nothing is written (chunks wait in their lines); the caller resets the interest ops. */
  void blackHole(boolean on) {
    blackHole = on;
  }

  /** Queues bytes the side sent at {@code now}; reading from the side stops while its line is full. */
  void add(Side side, ByteBuffer chunk, long now) throws IOException {
    Direction line = side.inbound;
    long delay = halfRttNanos + (jitterNanos > 0 ? random.nextLong(jitterNanos + 1) : 0);
    long release = Math.max(now + delay, line.lastRelease);
    line.lastRelease = release;
    line.chunks.add(new Chunk(chunk, now, release));
    line.bytes += chunk.remaining();
    pending.add(line);
    if (line.bytes >= maxBuffered) {
      sockets.interest(side);
    }
    if (release <= now) {
      flush(line, now);
    }
  }

  /** Writes every chunk of the line that is due, in order, as far as the receiver takes them. */
  void flush(Direction line, long now) throws IOException {
    if (blackHole || !line.to.connected || line.closed()) {
      return;
    }
    Chunk chunk;
    while ((chunk = line.chunks.peek()) != null && chunk.release() <= now) {
      ByteBuffer data = chunk.data();
      if (data.position() == 0) {
        counters.delayed(now - chunk.arrived());
      }
      int written = line.to.channel.write(data);
      (line.to == line.to.pipe.server ? counters.toServer : counters.toClient).addAndGet(written);
      if (data.hasRemaining()) {
        line.writeBlocked = true;
        sockets.interest(line.to);
        return;
      }
      line.chunks.poll();
      line.bytes -= data.capacity();
      line.to.pipe.lastActivity = now;
    }
    boolean wasBlocked = line.writeBlocked;
    line.writeBlocked = false;
    if (line.chunks.isEmpty() && line.from.eof && !line.outputShut) {
      line.outputShut = true;
      line.to.channel.shutdownOutput();
      Pipe pipe = line.to.pipe;
      if (pipe.up.outputShut && pipe.down.outputShut) {
        sockets.closePipe(pipe, false);
        return;
      }
    }
    if (wasBlocked) {
      sockets.interest(line.to);
    }
    sockets.interest(line.from);
  }

  /** Flushes what is due everywhere and returns when the next chunk falls due. */
  long flushAll(long now) {
    long next = Long.MAX_VALUE;
    Iterator<Direction> lines = pending.iterator();
    while (lines.hasNext()) {
      Direction line = lines.next();
      try {
        flush(line, now);
      } catch (IOException e) {
        sockets.closePipe(line.to.pipe, true);
      }
      Chunk head = line.chunks.peek();
      if (head == null || line.closed()) {
        lines.remove();
      } else if (!line.writeBlocked && !blackHole && line.to.connected) {
        // (a line waiting for its connect or for a writable socket is woken by the selector instead)
        next = Math.min(next, head.release());
      }
    }
    return next;
  }
}
