package dev.channels4j.local.internal.faults;

import dev.channels4j.local.Faults;
import dev.channels4j.local.Faults.Operation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults waiting to be taken by API requests, in order; at most {@link Faults#MAX_PENDING}
 * entries (adding one more throws). Thread-safe.
 */
public final class FaultQueue {
  private static final Logger LOG = LoggerFactory.getLogger("dev.channels4j.local.faults");

  /** One {@code next(n)} entry; {@code remaining} is guarded by the queue. */
  public static final class Fault {
    enum Action { RESPOND, DELAY, DISCONNECT }

    final Operation operation;
    final Action action;
    final int status;
    final Duration duration;
    int remaining;

    private Fault(Operation operation, Action action, int requests, int status, Duration duration) {
      this.operation = operation;
      this.action = action;
      this.remaining = requests;
      this.status = status;
      this.duration = duration;
    }

    public static Fault respond(Operation operation, int requests, int status, Duration retryAfter) {
      return new Fault(operation, Action.RESPOND, requests, status, retryAfter);
    }

    public static Fault delay(Operation operation, int requests, Duration delay) {
      return new Fault(operation, Action.DELAY, requests, 0, delay);
    }

    public static Fault disconnect(Operation operation, int requests) {
      return new Fault(operation, Action.DISCONNECT, requests, 0, null);
    }

    /** For the console: what this fault does, in words. */
    public String describe() {
      String what = switch (action) {
        case RESPOND -> "respond " + status + (duration == null ? "" : " (Retry-After " + retryAfterSeconds(duration) + " s)");
        case DELAY -> "delay " + duration.toMillis() + " ms";
        case DISCONNECT -> "disconnect";
      };
      return what + " x" + remaining + (operation == null ? "" : " on " + operation);
    }
  }

  private final Deque<Fault> faults = new ArrayDeque<>();

  public synchronized void add(Fault fault) {
    if (faults.size() >= Faults.MAX_PENDING) {
      throw new IllegalStateException(Faults.MAX_PENDING + " faults are already waiting (the bound); let requests take"
          + " them or call faults().clear() first");
    }
    faults.addLast(fault);
  }

  public synchronized void clear() {
    faults.clear();
  }

  public synchronized int pendingRequests() {
    return faults.stream().mapToInt(f -> f.remaining).sum();
  }

  /** What is waiting, oldest first, in words. */
  public synchronized List<String> describe() {
    List<String> out = new ArrayList<>();
    faults.forEach(f -> out.add(f.describe()));
    return out;
  }

  /** Takes one request's worth of the first fault matching the operation; null when none does. */
  synchronized Fault take(Operation operation) {
    for (Iterator<Fault> it = faults.iterator(); it.hasNext();) {
      Fault fault = it.next();
      if (fault.operation == null || fault.operation == operation) {
        if (--fault.remaining == 0) {
          it.remove();
        }
        return fault;
      }
    }
    return null;
  }

  /**
   * Fails the request if a fault matches: answers, closes, or schedules {@code proceed}. Returns
   * false (and does nothing) when no fault matches, so the caller handles the request itself.
   */
  public boolean intercept(Operation operation, Request request, Response response, Callback callback,
      ScheduledExecutorService scheduler, Runnable proceed) {
    Fault fault = take(operation);
    if (fault == null) {
      return false;
    }
    LOG.info("injected fault on {} {}: {}", request.getMethod(), request.getHttpURI().getPath(), fault.describe());
    switch (fault.action) {
      case RESPOND -> {
        response.setStatus(fault.status);
        if (fault.duration != null) {
          response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(retryAfterSeconds(fault.duration)));
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        String body = fault.status + " " + HttpStatus.getMessage(fault.status) + " (injected by faults())\n";
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
      }
      case DELAY -> {
        try {
          scheduler.schedule(proceed, fault.duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
          callback.failed(stopping);
        }
      }
      case DISCONNECT -> {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(new java.io.IOException("connection closed by an injected fault"));
      }
    }
    return true;
  }

  static long retryAfterSeconds(Duration duration) {
    long seconds = duration.toSeconds();
    return duration.toNanosPart() > 0 ? seconds + 1 : seconds;
  }
}
