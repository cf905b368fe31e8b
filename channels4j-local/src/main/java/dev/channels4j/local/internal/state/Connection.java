package dev.channels4j.local.internal.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One WebSocket connection as the app state sees it. The transport implements {@link #send} and
 * {@link #close}; the fields are guarded by the owning {@link AppState}'s lock.
 */
public abstract class Connection {
  private final String socketId;
  /** Most connections hold one or two channels: a small table, grown when there are more. */
  final Set<String> channels = new LinkedHashSet<>(4);
  String userId;
  List<String> watchlist = List.of();
  long rateWindowStartNanos;
  int rateWindowCount;
  boolean gone;
  /** The server's ticker: liveness is measured on the same time as the sweep that checks it. */
  private final LongSupplier ticker;
  private volatile long lastActivityNanos;
  volatile boolean pingSent;

  protected Connection(String socketId) {
    this(socketId, System::nanoTime);
  }

  protected Connection(String socketId, LongSupplier ticker) {
    this.socketId = socketId;
    this.ticker = ticker;
    this.lastActivityNanos = ticker.getAsLong();
  }

  public final String socketId() {
    return socketId;
  }

  /** Records that the client sent something: any message or frame counts as activity. */
  public final void touch() {
    lastActivityNanos = ticker.getAsLong();
    pingSent = false;
  }

  final long idleNanos(long now) {
    return now - lastActivityNanos;
  }

  /** Queues a text frame; never blocks, never throws. */
  public final void send(String text) {
    send(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Queues a text frame of UTF-8 bytes, encoded once and shared by every subscriber of a channel:
   * the transport reads them through its own view and never changes them. Never blocks, never
   * throws; a connection that does not read fast enough is closed with 4100 instead.
   */
  public abstract void send(ByteBuffer utf8);

  /**
   * Closes the connection with 4100 when it has had messages waiting and taken none of them for
   * {@code stallNanos}: a reader that stopped. Returns true when it did.
   */
  public boolean closeIfStalled(long nowNanos, long stallNanos) {
    return false;
  }

  /** Closes with a WebSocket close code and reason; never throws. */
  public abstract void close(int code, String reason);

  @Override
  public String toString() {
    return "Connection[" + socketId + "]";
  }
}
