package dev.channels4j.internal.api;

import dev.channels4j.ApiException;
import dev.channels4j.ChannelsException;
import dev.channels4j.RetryPolicy;
import dev.channels4j.TransportException;
import dev.channels4j.internal.Errors;
import dev.channels4j.internal.signing.RequestSigner;
import dev.channels4j.internal.transport.ApacheTransport;
import dev.channels4j.internal.transport.ClientClosedException;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spi.Transport;
import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one {@link ApiRequest}: signs it, hands it to the transport, decides whether the answer is
 * a success, and retries as the policy allows. Every attempt is signed afresh (new timestamp).
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger("dev.channels4j.http");
  public static final String LIBRARY_HEADER = "X-Pusher-Library";
  public static final String LIBRARY = "channels4j " + Version.VERSION;

  private static final Map<String, String> POST_HEADERS =
      Map.of("Content-Type", "application/json", LIBRARY_HEADER, LIBRARY);
  private static final Map<String, String> GET_HEADERS = Map.of(LIBRARY_HEADER, LIBRARY);

  private final String baseUri;
  private final String origin;
  private final String pathPrefix;
  private final RequestSigner signer;
  private final Transport transport;
  private final boolean transportEndsExchangesOnTime;
  private final JsonCodec codec;
  private final Clock clock;
  private final Duration timeout;
  private final RetryPolicy retryPolicy;
  private final AttemptReporter reporter;
  private volatile boolean closed;
  /** Released by {@link #close}: ends the backoff of blocking calls. */
  private final CountDownLatch closedSignal = new CountDownLatch(1);
  /** The asynchronous requests between two attempts, for {@link #close} to fail. */
  private final Set<Call> waitingToRetry = ConcurrentHashMap.newKeySet();

  public Dispatcher(ClientSettings settings) {
    String base = settings.baseUri().toString();
    this.baseUri = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    URI parsed = URI.create(baseUri);
    this.origin = parsed.getScheme() + "://" + parsed.getRawAuthority();
    this.pathPrefix = parsed.getRawPath() == null ? "" : parsed.getRawPath();
    this.signer = new RequestSigner(settings.key(), settings.secret());
    this.transport = settings.transport();
    this.transportEndsExchangesOnTime = transport instanceof ApacheTransport;
    this.codec = settings.codec();
    this.clock = settings.clock();
    this.timeout = settings.timeout();
    this.retryPolicy = settings.retryPolicy();
    this.reporter = new AttemptReporter(settings.listener(), settings.ticker());
  }

  /**
   * Sends the request; the future fails with an {@link ApiException} or {@link TransportException}.
   * Completing it first (cancel, {@code orTimeout}) cancels the attempt in flight and any retry.
   */
  public CompletableFuture<ApiResponse> send(ApiRequest request) {
    Call call = new Call(request);
    call.attempt(1);
    return call.result;
  }

  /**
   * The client closed: no retry starts from now on, and requests waiting to retry fail at once
   * rather than when their wait ends. Exchanges in flight are the transport's to end.
   */
  public void close() {
    closed = true;
    closedSignal.countDown();
    for (Call call : waitingToRetry) {
      call.failClosed();
    }
  }

  /**
   * Sends the request on the calling thread, retrying as the policy allows, and returns the
   * response or throws an {@link ApiException} or {@link TransportException}.
   */
  public ApiResponse sendBlocking(ApiRequest request) {
    for (int attempt = 1; ; attempt++) {
      long started = reporter.now();
      long elapsed;
      Outcome outcome;
      try {
        TransportResponse response = transport.execute(sign(request));
        elapsed = reporter.elapsedNanos(started);
        logAnswer(request, response, elapsed);
        outcome = Verdicts.judge(request, response, codec, clock);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        TransportException interrupted =
            Errors.transport(TransportException.Kind.OTHER, request + " was interrupted", e);
        reporter.attemptEnded(request, attempt, reporter.elapsedNanos(started), 0, interrupted);
        throw interrupted;
      } catch (Exception e) {
        elapsed = reporter.elapsedNanos(started);
        outcome = Outcome.failed(failed(request, e, elapsed));
      }
      reporter.attemptEnded(request, attempt, elapsed, outcome.status(), outcome.error());
      if (outcome.response() != null) {
        return outcome.response();
      }
      if (attempt >= RetrySchedule.attemptsFor(retryPolicy, request.method()) || !isRetryable(outcome.error())) {
        throw outcome.error();
      }
      if (closed) {
        throw closedWhileWaiting(request, outcome.error());
      }
      Duration delay = retryDelay(request, attempt, outcome.error());
      if (delay == null) {
        throw outcome.error(); // its retryAfter() tells the caller when to try again
      }
      try {
        // Not a sleep: close() ends the wait, so a closed client does not hold its callers.
        if (closedSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
          throw closedWhileWaiting(request, outcome.error());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw outcome.error();
      }
    }
  }

  private TransportException closedWhileWaiting(ApiRequest request, ChannelsException lastError) {
    return Errors.transport(
        TransportException.Kind.CLOSED, request + ": " + ClientClosedException.CLOSED_IN_FLIGHT, lastError);
  }

  /** One asynchronous request, over all its attempts. */
  private final class Call {
    final ApiRequest request;
    final CompletableFuture<ApiResponse> result = new CompletableFuture<>();
    private volatile ChannelsException lastError;
    /** The transport's future of the attempt in flight, or the wait before the next attempt. */
    private volatile Future<?> current;

    Call(ApiRequest request) {
      this.request = request;
      // Whoever completes the result first, the caller included, ends what is under way.
      result.whenComplete((response, failure) -> cancelCurrent());
    }

    private void cancelCurrent() {
      Future<?> under = current;
      if (under != null) {
        under.cancel(true);
      }
    }

    void attempt(int attempt) {
      if (result.isDone()) {
        return;
      }
      if (attempt > 1 && closed) {
        failClosed();
        return;
      }
      long started = reporter.now();
      CompletableFuture<TransportResponse> sent;
      try {
        sent = transport.send(sign(request));
      } catch (RuntimeException e) {
        sent = CompletableFuture.failedFuture(e);
      }
      current = sent;
      if (result.isDone()) {
        sent.cancel(true); // completed before current was set, so its cancelCurrent missed this
        return;
      }
      // The default transport ends every exchange at its timeout itself, more cheaply than a timer
      // task per request. Any other transport is bounded here: orTimeout completes the future it is
      // called on, so bound a copy, leaving the transport's own future pending for the cancel below.
      CompletableFuture<TransportResponse> bounded = transportEndsExchangesOnTime
          ? sent : sent.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
      final CompletableFuture<TransportResponse> underlying = sent;
      bounded.whenComplete((response, failure) -> {
        try {
          Outcome outcome;
          long elapsed = reporter.elapsedNanos(started);
          if (failure != null) {
            underlying.cancel(true);
            outcome = Outcome.failed(failed(request, failure, elapsed));
          } else {
            logAnswer(request, response, elapsed);
            outcome = Verdicts.judge(request, response, codec, clock);
          }
          if (!result.isDone()) {
            reporter.attemptEnded(request, attempt, elapsed, outcome.status(), outcome.error());
          }
          settle(outcome, attempt);
        } catch (RuntimeException | Error e) {
          // Runs on whatever thread completed the exchange: a throw here would leave the call pending.
          result.completeExceptionally(e);
        }
      });
    }

    private void settle(Outcome outcome, int attempt) {
      if (result.isDone()) {
        return; // cancelled or failed meanwhile: this attempt's outcome is nobody's
      }
      if (outcome.response() != null) {
        result.complete(outcome.response());
        return;
      }
      lastError = outcome.error();
      if (attempt >= RetrySchedule.attemptsFor(retryPolicy, request.method()) || !isRetryable(outcome.error())) {
        result.completeExceptionally(outcome.error());
        return;
      }
      Duration delay = retryDelay(request, attempt, outcome.error());
      if (delay == null) {
        result.completeExceptionally(outcome.error()); // its retryAfter() tells the caller when
        return;
      }
      // Registered before closed is read: either close() sees this call or this call sees closed.
      waitingToRetry.add(this);
      if (closed) {
        failClosed();
        return;
      }
      // Cancelling the wait also cancels its timer task (completeOnTimeout's canceller).
      CompletableFuture<Void> wait = new CompletableFuture<>();
      current = wait;
      wait.whenComplete((ignored, failure) -> waitingToRetry.remove(this));
      if (result.isDone()) {
        wait.cancel(true);
        return;
      }
      wait.completeOnTimeout(null, delay.toMillis(), TimeUnit.MILLISECONDS)
          .thenRunAsync(() -> attempt(attempt + 1));
    }

    void failClosed() {
      waitingToRetry.remove(this);
      result.completeExceptionally(closedWhileWaiting(request, lastError));
    }
  }

  /** How long to wait before the next attempt, or {@code null} when the server asks for longer than maxBackoff. */
  private Duration retryDelay(ApiRequest request, int attempt, ChannelsException error) {
    Duration retryAfter = retryAfter(error);
    Duration delay = RetrySchedule.delayAfter(retryPolicy, attempt, retryAfter);
    if (delay == null) {
      LOG.debug("{} {} attempt {} failed, not retrying: Retry-After {} s is longer than maxBackoff {} ms",
          request.method(), request.path(), attempt, retryAfter.toSeconds(), retryPolicy.maxBackoff().toMillis());
    } else {
      LOG.debug("{} {} attempt {} failed, retrying in {} ms", request.method(), request.path(), attempt, delay.toMillis());
    }
    return delay;
  }

  private static void logAnswer(ApiRequest request, TransportResponse response, long elapsedNanos) {
    if (LOG.isDebugEnabled()) {
      long millis = TimeUnit.NANOSECONDS.toMillis(elapsedNanos);
      LOG.debug("{} {} -> {} in {} ms", request.method(), request.path(), response.status(), millis);
    }
  }

  /** The error for an attempt that got no response, logged. */
  private ChannelsException failed(ApiRequest request, Throwable failure, long elapsedNanos) {
    ChannelsException error = Failures.of(request, failure, baseUri, timeout);
    if (LOG.isDebugEnabled()) {
      long millis = TimeUnit.NANOSECONDS.toMillis(elapsedNanos);
      LOG.debug("{} {} failed after {} ms: {}", request.method(), request.path(), millis, error.getMessage());
    }
    return error;
  }

  /** Signs a request with a fresh timestamp: the exact request the transport would be handed. */
  public TransportRequest sign(ApiRequest request) {
    long timestamp = clock.millis() / 1000;
    String query = signer.signedQuery(request.method(), request.path(), request.query(), request.body(), timestamp);
    Map<String, String> headers = request.body() == null ? GET_HEADERS : POST_HEADERS;
    // As text: parsing a URI per request cost more than signing it.
    return new TransportRequest(
        request.method(), origin, pathPrefix + request.path() + "?" + query, headers, request.body(), timeout);
  }

  private static boolean isRetryable(ChannelsException error) {
    if (error instanceof ApiException api) {
      return api.isRetryable();
    }
    return error instanceof TransportException transport && transport.isRetryable();
  }

  private static Duration retryAfter(ChannelsException error) {
    return error instanceof ApiException api ? api.retryAfter().orElse(null) : null;
  }

  /** Strips the wrappers a future puts around the real failure. */
  public static Throwable unwrap(Throwable failure) {
    return Failures.unwrap(failure);
  }

  /** A successful response: its status, body text, and the body parsed as JSON (or null). */
  public record ApiResponse(int status, String body, Object json) {}
}
