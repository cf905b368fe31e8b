package dev.channels4j.local;

import dev.channels4j.internal.socket.CloseCodes;
import dev.channels4j.local.internal.faults.FaultQueue;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * Failures on demand, to test how an application handles Channels failing: the next HTTP API
 * requests answer an error status (with {@code Retry-After} if asked), answer late, or lose their
 * connection without an answer; WebSocket connections are dropped with a chosen close code.
 *
 * <pre>{@code
 * server.faults().next(2).respond(503);                          // the next 2 API requests answer 503
 * server.faults().next(1).respond(429, Duration.ofSeconds(1));   // 429 with Retry-After: 1
 * server.faults().next(1).delay(Duration.ofSeconds(3));          // answered 3 s late
 * server.faults().next(1).disconnect();                          // closed without an answer
 * server.faults().on(Faults.Operation.TRIGGER).next(1).respond(500); // only a trigger fails
 * server.faults().dropConnections(4200);                         // pusher-js reconnects at once
 * server.faults().clear();
 * }</pre>
 *
 * <p>Faults are taken in the order they were added, each by the first request it matches (any
 * request, or one of its {@link Operation}). Bounded: at most {@value #MAX_PENDING} {@code next(..)}
 * entries wait at once, each for at most {@value #MAX_REQUESTS} requests; one more throws
 * {@link IllegalStateException} (nothing is dropped silently). A delay is at most
 * {@value #MAX_DELAY_SECONDS} s and holds no thread: the answer is scheduled. Thread-safe; faults
 * apply to every app of the server.
 */
public final class Faults {
  /** The most {@code next(..)} entries waiting at once. */
  public static final int MAX_PENDING = 100;
  /** The most requests one {@code next(n)} may fail. */
  public static final int MAX_REQUESTS = 10_000;
  /** The longest delay, in seconds. */
  public static final long MAX_DELAY_SECONDS = 600;

  /** The HTTP API operations a fault can be limited to. */
  public enum Operation {
    /** {@code POST /apps/<id>/events}. */
    TRIGGER,
    /** {@code POST /apps/<id>/batch_events}. */
    BATCH,
    /** {@code GET /apps/<id>/channels} and {@code GET /apps/<id>/channels/<name>}. */
    CHANNEL_QUERIES,
    /** {@code GET /apps/<id>/channels/<name>/users}. */
    USERS,
    /** {@code POST /apps/<id>/users/<id>/terminate_connections}. */
    TERMINATE
  }

  private final FaultQueue queue;
  private final Operation operation;
  private final BiFunction<String, Integer, Integer> dropper;

  Faults(FaultQueue queue, Operation operation, BiFunction<String, Integer, Integer> dropper) {
    this.queue = queue;
    this.operation = operation;
    this.dropper = dropper;
  }

  /** The same faults, with the {@code next(..)} entries added through the result limited to one operation. */
  public Faults on(Operation operation) {
    if (operation == null) {
      throw new IllegalArgumentException("operation must not be null; one of TRIGGER, BATCH, CHANNEL_QUERIES, USERS, TERMINATE");
    }
    return new Faults(queue, operation, dropper);
  }

  /** The next {@code requests} matching API requests fail in the way chosen on the result. */
  public Next next(int requests) {
    if (requests < 1 || requests > MAX_REQUESTS) {
      throw new IllegalArgumentException("next(n) takes 1 to " + MAX_REQUESTS + " requests, got " + requests);
    }
    return new Next(requests);
  }

  /** Forgets every fault not yet taken. */
  public void clear() {
    queue.clear();
  }

  /** How many requests the waiting faults will still fail. */
  public int pending() {
    return queue.pendingRequests();
  }

  /**
   * Closes every WebSocket connection of every app with this code (after a {@code pusher:error}
   * carrying it): 4200-4299 make pusher-js reconnect at once, 4100-4199 after a pause, 4000-4099
   * not at all. Returns how many were closed.
   */
  public int dropConnections(int closeCode) {
    return dropper.apply(null, checkCloseCode(closeCode));
  }

  /** Closes one WebSocket connection by its socket id; false when no connection has that id. */
  public boolean dropConnection(String socketId, int closeCode) {
    if (socketId == null || socketId.isBlank()) {
      throw new IllegalArgumentException("socketId must not be empty; it looks like 1234.5678");
    }
    return dropper.apply(socketId, checkCloseCode(closeCode)) > 0;
  }

  private static int checkCloseCode(int code) {
    if (!CloseCodes.isPusherCode(code)) {
      throw new IllegalArgumentException("closeCode must be a Pusher close code between " + CloseCodes.FIRST_PUSHER
          + " and " + CloseCodes.LAST_PUSHER + " (" + CloseCodes.RECONNECT + " to make clients reconnect at once, "
          + CloseCodes.OVER_CAPACITY + " after a pause, " + CloseCodes.FIRST_PUSHER + " never), got " + code);
    }
    return code;
  }

  /** The faults waiting, oldest first, in words (as the debug console lists them). */
  public java.util.List<String> describe() {
    return queue.describe();
  }

  @Override
  public String toString() {
    return "Faults[" + (operation == null ? "any operation" : operation) + ", " + queue.pendingRequests() + " pending]";
  }

  /**
   * How the chosen requests fail.
   *
   * <pre>{@code
   * server.faults().next(1).respond(503);
   * }</pre>
   */
  public final class Next {
    private final int requests;

    private Next(int requests) {
      this.requests = requests;
    }

    /** Answer with this error status (400 to 599) and a plain-text body naming it as injected. */
    public void respond(int status) {
      respond(status, null);
    }

    /** Answer with this error status and {@code Retry-After} in whole seconds (rounded up); null for none. */
    public void respond(int status, Duration retryAfter) {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("respond(status) takes an error status from 400 to 599, got " + status);
      }
      if (retryAfter != null && (retryAfter.isNegative() || retryAfter.toSeconds() > MAX_DELAY_SECONDS)) {
        throw new IllegalArgumentException("retryAfter must be between 0 and " + MAX_DELAY_SECONDS + " s, got " + retryAfter);
      }
      queue.add(FaultQueue.Fault.respond(operation, requests, status, retryAfter));
    }

    /** Handle the request normally, but only after this delay (the request is carried out late, too). */
    public void delay(Duration delay) {
      if (delay == null || delay.isNegative() || delay.isZero() || delay.toSeconds() >= MAX_DELAY_SECONDS) {
        throw new IllegalArgumentException("delay must be positive and under " + MAX_DELAY_SECONDS + " s, got " + delay);
      }
      queue.add(FaultQueue.Fault.delay(operation, requests, delay));
    }

    /** Close the connection without an answer (after reading the request, which is not carried out). */
    public void disconnect() {
      queue.add(FaultQueue.Fault.disconnect(operation, requests));
    }
  }
}
