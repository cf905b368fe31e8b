package dev.channels4j.testsupport.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import dev.channels4j.testsupport.network.Pipe.Side;

/**
 * The proxy's one thread: a selector over every connection, accepting, connecting, reading and
 * closing, and the fault rules (connection limit, idle timeout, close after requests or bytes).
 * The delay lines between the sides are {@link DelayLines}, driven by this thread.
 */
final class ProxyLoop implements Runnable {
  /** Commands from other threads; few are ever pending (tests call them one at a time). */
  private static final int MAX_PENDING_COMMANDS = 64;

  private final ServerSocketChannel server;
  private final Selector selector;
  private final InetSocketAddress target;
  private final long idleNanos;
  private final int closeAfterRequests;
  private final long closeAfterBytes;
  private final int maxConnections;
  private final int maxBuffered;
  private final ArrayBlockingQueue<Runnable> commands = new ArrayBlockingQueue<>(MAX_PENDING_COMMANDS);
  private final Set<Pipe> pipes = new HashSet<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
  private final ProxyCounters counters = new ProxyCounters();
  private final DelayLines lines;
  private volatile boolean running = true;
  private long nextIdleSweep;

  ProxyLoop(ServerSocketChannel server, NetworkProxy.Builder config) throws IOException {
    this.server = server;
    this.target = config.target;
    this.idleNanos = config.idleTimeout == null ? 0 : config.idleTimeout.toNanos();
    this.closeAfterRequests = config.closeAfterRequests;
    this.closeAfterBytes = config.closeAfterBytes;
    this.maxConnections = config.maxConnections;
    this.maxBuffered = config.maxBufferedBytes;
    this.lines = new DelayLines(config, counters, new DelayLines.Sockets() {
      @Override
      public void interest(Side side) {
        ProxyLoop.this.interest(side);
      }

      @Override
      public void closePipe(Pipe pipe, boolean reset) {
        ProxyLoop.this.closePipe(pipe, reset);
      }
    });
    this.selector = Selector.open();
    server.configureBlocking(false);
    server.register(selector, SelectionKey.OP_ACCEPT);
  }

  InetSocketAddress target() {
    return target;
  }

  ProxyStats stats() {
    return counters.snapshot();
  }

  CompletableFuture<Void> submit(Runnable command) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!running) {
      done.completeExceptionally(new IllegalStateException("the proxy is closed"));
    } else if (!commands.offer(() -> {
      command.run();
      done.complete(null);
    })) {
      done.completeExceptionally(new IllegalStateException(MAX_PENDING_COMMANDS + " proxy commands already pending"));
    }
    selector.wakeup();
    return done;
  }

  void stop() {
    running = false;
    selector.wakeup();
  }

  @Override
  public void run() {
    try {
      while (running) {
        Runnable command;
        while ((command = commands.poll()) != null) {
          command.run();
        }
        long now = System.nanoTime();
        long deadline = Math.min(lines.flushAll(now), sweepIdle(now));
        long wait = deadline - System.nanoTime();
        if (deadline == Long.MAX_VALUE) {
          selector.select();
        } else if (wait <= 0) {
          selector.selectNow();
        } else {
          // Rounded up: a chunk is never released early.
          selector.select(Math.max(1, (wait + 999_999) / 1_000_000));
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          if (key.isValid()) {
            handle(key);
          }
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("the proxy's selector failed", e);
    } finally {
      for (Pipe pipe : new ArrayList<>(pipes)) {
        closePipe(pipe, false);
      }
      closeQuietly(server);
      closeQuietly(selector);
      Runnable command;
      while ((command = commands.poll()) != null) {
        command.run();
      }
    }
  }

  private void handle(SelectionKey key) {
    if (key.attachment() == null) {
      accept();
      return;
    }
    Side side = (Side) key.attachment();
    Pipe pipe = side.pipe;
    try {
      if (key.isConnectable()) {
        side.channel.finishConnect();
        side.connected = true;
        lines.flush(pipe.up, System.nanoTime());
        interest(side);
      }
      if (key.isValid() && key.isWritable()) {
        lines.flush(side.outbound, System.nanoTime());
      }
      if (key.isValid() && key.isReadable()) {
        read(side);
      }
    } catch (IOException e) {
      // One side failed (refused, reset): the other side sees a reset too, as through a real network path.
      closePipe(pipe, true);
    }
  }

  private void accept() {
    try {
      SocketChannel client;
      while ((client = server.accept()) != null) {
        if (pipes.size() >= maxConnections) {
          counters.refused.incrementAndGet();
          closeQuietly(client);
          continue;
        }
        SocketChannel upstream = SocketChannel.open();
        upstream.configureBlocking(false);
        upstream.setOption(StandardSocketOptions.TCP_NODELAY, true);
        client.configureBlocking(false);
        client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        boolean connected = upstream.connect(target);
        Pipe pipe = new Pipe(client, upstream, System.nanoTime());
        pipe.server.connected = connected;
        pipe.client.key = client.register(selector, 0, pipe.client);
        pipe.server.key = upstream.register(selector, 0, pipe.server);
        pipes.add(pipe);
        counters.opened.incrementAndGet();
        counters.open.incrementAndGet();
        interest(pipe.client);
        interest(pipe.server);
      }
    } catch (IOException e) {
      // A failed accept or connect affects that connection only; the client sees it closed.
    }
  }

  private void read(Side side) throws IOException {
    Pipe pipe = side.pipe;
    readBuffer.clear();
    int n = side.channel.read(readBuffer);
    long now = System.nanoTime();
    if (n < 0) {
      side.eof = true;
      interest(side);
      lines.flush(side.inbound, now);
      return;
    }
    if (n == 0) {
      return;
    }
    pipe.lastActivity = now;
    if (side == pipe.client) {
      if (pipe.answered) {
        pipe.answered = false;
        counters.requests.incrementAndGet();
        if (closeAfterRequests > 0 && ++pipe.requests > closeAfterRequests) {
          counters.closedAfterRequests.incrementAndGet();
          closePipe(pipe, false);
          return;
        }
      }
      pipe.clientBytes += n;
      if (closeAfterBytes > 0 && pipe.clientBytes > closeAfterBytes) {
        counters.closedAfterBytes.incrementAndGet();
        closePipe(pipe, false);
        return;
      }
    } else {
      pipe.answered = true;
    }
    readBuffer.flip();
    ByteBuffer chunk = ByteBuffer.allocate(n).put(readBuffer).flip();
    lines.add(side, chunk, now);
  }

  private long sweepIdle(long now) {
    if (idleNanos == 0) {
      return Long.MAX_VALUE;
    }
    if (now >= nextIdleSweep) {
      for (Pipe pipe : new ArrayList<>(pipes)) {
        if (now - pipe.lastActivity >= idleNanos && pipe.up.chunks.isEmpty() && pipe.down.chunks.isEmpty()) {
          counters.closedIdle.incrementAndGet();
          closePipe(pipe, false);
        }
      }
      // A connection is closed at most a tenth of the timeout late.
      nextIdleSweep = now + Math.max(1_000_000, idleNanos / 10);
    }
    return nextIdleSweep;
  }

  void resetAll() {
    for (Pipe pipe : new ArrayList<>(pipes)) {
      counters.resets.incrementAndGet();
      closePipe(pipe, true);
    }
  }

  void blackHole(boolean on) {
    lines.blackHole(on);
    for (Pipe pipe : pipes) {
      interest(pipe.client);
      interest(pipe.server);
    }
  }

  private void interest(Side side) {
    if (side.key == null || !side.key.isValid()) {
      return;
    }
    int ops;
    if (!side.connected) {
      ops = SelectionKey.OP_CONNECT;
    } else {
      ops = 0;
      if (!lines.blackHole() && !side.eof && side.inbound.bytes < maxBuffered) {
        ops |= SelectionKey.OP_READ;
      }
      if (side.outbound.writeBlocked && !lines.blackHole()) {
        ops |= SelectionKey.OP_WRITE;
      }
    }
    side.key.interestOps(ops);
  }

  private void closePipe(Pipe pipe, boolean reset) {
    if (!pipes.remove(pipe)) {
      return;
    }
    pipe.closed = true;
    counters.open.decrementAndGet();
    for (Side side : List.of(pipe.client, pipe.server)) {
      side.inbound.chunks.clear();
      if (side.key != null) {
        side.key.cancel();
      }
      if (reset) {
        try {
          side.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException e) {
          // already closed: nothing to reset
        }
      }
      closeQuietly(side.channel);
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // closing: nothing more to do
    }
  }
}
