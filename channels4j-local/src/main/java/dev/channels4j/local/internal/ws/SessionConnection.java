package dev.channels4j.local.internal.ws;

import dev.channels4j.internal.socket.CloseCodes;
import dev.channels4j.local.internal.state.AppState;
import dev.channels4j.local.internal.state.Connection;
import dev.channels4j.local.internal.state.Counters;
import dev.channels4j.local.internal.state.ServerSettings;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state's view of a Jetty session, with its own bounded outbox.
 *
 * <p>{@link #send} only appends to the outbox (the app state calls it under its lock, so it must
 * never touch the network) and, when no flush is under way, hands a flush to the server's thread
 * pool. A flush takes what is queued, up to {@value #MAX_BATCH_MESSAGES} messages or
 * {@value #MAX_BATCH_BYTES} bytes, and gives it to Jetty as one batch (one gathering write), then
 * takes the next batch when Jetty says that one is written. The payloads are the shared encoded
 * buffers, each sent through a view of its own.
 *
 * <p>Bounded, so that a connection that does not read holds back only its own deliveries:
 * <ul>
 *   <li>When a message would take the outbox over the connection's own byte or message limit, the
 *       queue is dropped and the connection closed with 4100 "Over capacity".
 *   <li>An outbox that has had messages waiting and taken none for {@value #STALL_GRACE_MILLIS} ms
 *       is <em>stalled</em>: its messages move from the server's active backlog (what an HTTP
 *       publish waits for) to the stalled backlog, which has a bound of its own, the same size as
 *       the server-wide limits. A stalled connection whose messages do not fit in it is closed
 *       with 4100 at once; so no number of stalled readers can make a publish wait or get a 429.
 *       It counts as active again as soon as it takes a batch.
 *   <li>One stalled for the stall timeout is closed with 4100 whatever its size.
 * </ul>
 * Each close is counted; if the client does not complete the close handshake within 2 s (it is
 * not reading) the socket is aborted. Any other close waits for the queue, within the same 2 s.
 */
final class SessionConnection extends Connection {
  private static final Logger LOG = LoggerFactory.getLogger("dev.channels4j.local.ws");
  /** What a queued message costs besides its payload (queue slot, buffer view, frame). */
  private static final int OVERHEAD_BYTES = 96;
  static final int MAX_BATCH_MESSAGES = 256;
  static final int MAX_BATCH_BYTES = 64 * 1024;
  /** Messages waiting and none taken for this long: the connection counts as stalled. */
  static final long STALL_GRACE_MILLIS = 500;
  private static final long STALL_GRACE_NANOS = STALL_GRACE_MILLIS * 1_000_000;
  /** How long a closed connection has to read what is queued and the close before its socket is aborted. */
  private static final long ABORT_AFTER_SECONDS = 2;

  final Session session;
  private final CoreSession core;
  private final AppState app;
  private final Executor executor;
  private final Counters counters;
  private final ServerSettings settings;
  private final long maxBytes;
  private final int maxMessages;
  private final Flusher flusher = new Flusher();
  private final Runnable kick = flusher::iterate;

  // Guarded by this. Sized for an idle connection (most of them, most of the time): it grows
  // when messages wait, while the default capacity (16) would cost every connection its slots.
  private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>(1);
  private long queuedBytes;
  /**
   * The batch handed to Jetty and not yet written: still counted (here, in {@code queuedBytes} and
   * in the server's backlog), so backpressure sees messages a slow socket holds up, not only those
   * still in the queue.
   */
  private int inFlightCount;
  private long inFlightBytes;
  private boolean flushing;
  private boolean shut;
  /** Whether what is queued counts in the server's stalled backlog instead of the active one. */
  private boolean stalled;
  /** When the outbox last moved: a batch taken, or the first message queued into an idle outbox. */
  private long progressNanos;
  /** A close asked for while messages were still queued: done once they are written. */
  private Integer closeCode;
  private String closeReason;

  SessionConnection(String socketId, Session session, AppState app, Executor executor) {
    super(socketId, app.settings().ticker());
    this.session = session;
    this.core = session instanceof WebSocketSession jetty ? jetty.getCoreSession() : null;
    this.app = app;
    this.executor = executor;
    this.settings = app.settings();
    this.counters = settings.counters();
    this.progressNanos = settings.nanoTime();
    this.maxBytes = app.settings().limits().maxPendingBytesPerConnection();
    this.maxMessages = app.settings().limits().maxPendingMessagesPerConnection();
  }

  @Override
  public void send(ByteBuffer utf8) {
    boolean start = false;
    String over = null;
    synchronized (this) {
      if (shut) {
        return;
      }
      long size = utf8.remaining() + OVERHEAD_BYTES;
      if (queue.size() >= maxMessages || queuedBytes + size > maxBytes) {
        over = "over its own limit of " + maxBytes + " bytes or " + maxMessages + " messages waiting";
        shutLocked();
      } else if ((!stalled && pendingLocked() && settings.nanoTime() - progressNanos >= STALL_GRACE_NANOS
          && !markStalledLocked()) || (stalled && !stalledFits(1, size))) {
        over = STALLED_BUDGET_FULL;
        shutLocked();
      } else {
        queue.addLast(utf8);
        queuedBytes += size;
        countLocked(1, size);
        if (!flushing) {
          flushing = true;
          start = true;
          progressNanos = settings.nanoTime();
        }
      }
    }
    if (over != null) {
      overCapacity(over);
    } else if (start) {
      // On the pool, not here: the caller holds the app's lock, and while the task waits for a
      // thread more messages join the same batch (one write for several).
      dispatch(kick);
    }
  }

  private static final String STALLED_BUDGET_FULL = "stalled, and the server's backlog of stalled connections is full";

  private boolean pendingLocked() {
    return !queue.isEmpty() || inFlightCount > 0;
  }

  /** Adds to (or, negative, takes from) the server's backlog, active or stalled as this connection is. */
  private void countLocked(long messages, long bytes) {
    counters.queuedDeliveries.addAndGet(messages);
    counters.queuedDeliveryBytes.addAndGet(bytes);
    if (stalled) {
      counters.stalledDeliveries.addAndGet(messages);
      counters.stalledDeliveryBytes.addAndGet(bytes);
    }
  }

  /** Moves what is queued to the stalled backlog; false when it does not fit there (the caller closes). */
  private boolean markStalledLocked() {
    stalled = true;
    int messages = queue.size() + inFlightCount;
    counters.stalledDeliveries.addAndGet(messages);
    counters.stalledDeliveryBytes.addAndGet(queuedBytes);
    return stalledFits(0, 0);
  }

  private void unstallLocked() {
    if (stalled) {
      counters.stalledDeliveries.addAndGet(-(queue.size() + inFlightCount));
      counters.stalledDeliveryBytes.addAndGet(-queuedBytes);
      stalled = false;
    }
  }

  private boolean stalledFits(long messages, long bytes) {
    return counters.stalledDeliveries.get() + messages <= settings.limits().maxQueuedDeliveries()
        && counters.stalledDeliveryBytes.get() + bytes <= settings.limits().maxQueuedDeliveryBytes();
  }

  /** Drops the queue and refuses further sends; the caller holds the lock. */
  private void shutLocked() {
    shut = true;
    countLocked(-(queue.size() + inFlightCount), -queuedBytes);
    stalled = false;
    inFlightCount = 0;
    inFlightBytes = 0;
    if (closeCode != null) {
      // The socket is gone or dropped: the close that waited for the queue will not be sent.
      closeCode = null;
      counters.pendingCloses.decrementAndGet();
    }
    queue.clear();
    queuedBytes = 0;
  }

  @Override
  public boolean closeIfStalled(long nowNanos, long stallNanos) {
    String over;
    synchronized (this) {
      if (shut || !pendingLocked()) {
        return false;
      }
      long quiet = nowNanos - progressNanos;
      if (quiet >= stallNanos) {
        over = "it took none of its waiting messages for " + stallNanos / 1_000_000 + " ms";
      } else if (!stalled && quiet >= STALL_GRACE_NANOS && !markStalledLocked()) {
        over = STALLED_BUDGET_FULL;
      } else {
        return false;
      }
      shutLocked();
    }
    overCapacity(over);
    return true;
  }

  private void overCapacity(String why) {
    counters.closedOverCapacity.increment();
    LOG.debug("{}: closing connection {} with {}: it did not read its messages fast enough ({})", app.app().id(),
        socketId(), CloseCodes.OVER_CAPACITY, why);
    // Not here: the caller may be iterating over a channel's subscribers under the app's lock.
    dispatch(() -> {
      session.close(CloseCodes.OVER_CAPACITY, "Over capacity", Callback.NOOP);
      app.closed(this);
      abortLater();
    });
  }

  /** Aborts the socket in 2 s unless the close handshake is done by then. */
  private void abortLater() {
    try {
      app.scheduler().schedule(this::abort, ABORT_AFTER_SECONDS, TimeUnit.SECONDS);
    } catch (RejectedExecutionException stopped) {
      abort();
    }
  }

  private void abort() {
    if (core != null && !core.isClosed()) {
      core.abort();
    }
  }

  private void dispatch(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException stopped) {
      synchronized (this) {
        shutLocked();
      }
    }
  }

  /**
   * Closes after what is already queued (say, the {@code pusher:error} explaining the close) is
   * written; aborts the socket if that and the close handshake are not done within 2 s.
   */
  @Override
  public void close(int code, String reason) {
    boolean waiting;
    synchronized (this) {
      if (shut) {
        return;
      }
      shut = true;
      waiting = flushing;
      if (waiting) {
        closeCode = code;
        counters.pendingCloses.incrementAndGet();
        closeReason = reason;
      }
    }
    if (!waiting) {
      session.close(code, reason, Callback.NOOP);
    } else {
      // The app state forgets the connection once closed, so the stall sweep no longer sees it: a
      // client that stopped reading would hold its backlog (and every publisher) until Jetty's
      // idle timeout. A client that reads has the queue and the close written well within 2 s
      // unless thousands of messages are queued; what is still queued then is lost with the socket.
      abortLater();
    }
  }

  /** Forgets what is queued once the socket is gone. */
  void closed() {
    synchronized (this) {
      shutLocked();
    }
  }

  /** Feeds the outbox to Jetty one batch at a time; Jetty calls back when a batch is written. */
  private final class Flusher extends IteratingCallback {
    @Override
    protected Action process() {
      // A batch of its own each time, sized to what is taken: an array kept for the largest batch
      // would cost every idle connection 1 KB, and this one is young garbage by the next batch.
      ByteBuffer[] batch = null;
      int count = 0;
      Integer code = null;
      String reason = null;
      synchronized (SessionConnection.this) {
        progressNanos = settings.nanoTime();
        // The previous batch, if any, is written now.
        countLocked(-inFlightCount, -inFlightBytes);
        queuedBytes -= inFlightBytes;
        inFlightCount = 0;
        unstallLocked();
        inFlightBytes = 0;
        int bytes = 0;
        if (!queue.isEmpty()) {
          batch = new ByteBuffer[Math.min(MAX_BATCH_MESSAGES, queue.size())];
        }
        while (count < MAX_BATCH_MESSAGES && bytes < MAX_BATCH_BYTES && !queue.isEmpty()) {
          ByteBuffer next = queue.pollFirst();
          bytes += next.remaining();
          batch[count++] = next;
        }
        inFlightCount = count;
        inFlightBytes = bytes + (long) count * OVERHEAD_BYTES;
        if (count == 0) {
          flushing = false;
          code = closeCode;
          reason = closeReason;
          closeCode = null;
        }
      }
      if (count == 0) {
        // Outside the lock: closing calls back into the app state, whose lock is taken before ours.
        if (code != null) {
          session.close(code, reason, Callback.NOOP);
          counters.pendingCloses.decrementAndGet();
        }
        return Action.IDLE;
      }
      if (core == null) {
        for (int i = 0; i < count; i++) {
          session.sendText(java.nio.charset.StandardCharsets.UTF_8.decode(batch[i].slice()).toString(),
              i == count - 1 ? Callback.from(this::succeeded, this::failed) : Callback.NOOP);
        }
        return Action.SCHEDULED;
      }
      for (int i = 0; i < count; i++) {
        boolean last = i == count - 1;
        core.sendFrame(new Frame(OpCode.TEXT, true, batch[i].slice()), last ? this : org.eclipse.jetty.util.Callback.NOOP,
            !last);
      }
      return Action.SCHEDULED;
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
      LOG.debug("connection {}: write failed: {}", socketId(), cause.toString());
      synchronized (SessionConnection.this) {
        shutLocked();
        flushing = false;
      }
    }

    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }
  }
}
