package dev.channels4j.internal.api;

import dev.channels4j.ApiException;
import dev.channels4j.ChannelsException;
import dev.channels4j.RequestEvent;
import dev.channels4j.RequestListener;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the client's {@link RequestListener} of each attempt. A listener's failure is the
 * listener's: the request goes on, and the first such failure is logged at DEBUG (not every one:
 * a broken listener would otherwise log once per request).
 */
final class AttemptReporter {
  private static final Logger LOG = LoggerFactory.getLogger("dev.channels4j.http");

  private final RequestListener listener;
  private final LongSupplier ticker;
  private final AtomicBoolean listenerFailureLogged = new AtomicBoolean();

  AttemptReporter(RequestListener listener, LongSupplier ticker) {
    this.listener = listener;
    this.ticker = ticker;
  }

  /** Now, in the ticker's nanoseconds: an attempt's start. */
  long now() {
    return ticker.getAsLong();
  }

  /** Nanoseconds since {@code started}, never negative. */
  long elapsedNanos(long started) {
    return Math.max(0, ticker.getAsLong() - started);
  }

  /**
   * One attempt ended, {@code elapsedNanos} after it started: with an answer of {@code status} (0: no answer) and {@code error} (null:
   * a success).
   */
  void attemptEnded(ApiRequest request, int attempt, long elapsedNanos, int status, ChannelsException error) {
    if (listener == null) {
      return;
    }
    RequestEvent.Outcome outcome = error == null ? RequestEvent.Outcome.SUCCESS
        : error instanceof ApiException ? RequestEvent.Outcome.API_ERROR : RequestEvent.Outcome.TRANSPORT_ERROR;
    try {
      listener.requestCompleted(new RequestEvent(request.operation(), outcome,
          status == 0 ? OptionalInt.empty() : OptionalInt.of(status), Duration.ofNanos(elapsedNanos),
          attempt));
    } catch (RuntimeException e) {
      if (listenerFailureLogged.compareAndSet(false, true)) {
        LOG.debug("the request listener threw; ignored, and not logged again for this client", e);
      }
    }
  }
}
