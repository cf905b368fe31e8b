package dev.channels4j;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a {@link RequestListener} hears of one attempt of one request: which operation, how it
 * ended, the HTTP status if an answer arrived, how long it took, and which attempt it was
 * (retries, as the {@link RetryPolicy} allows, are attempts 2, 3, ...). Only requests handed to
 * the transport are reported: input refused by validation never is. Carries no secret, no path,
 * no body.
 *
 * <pre>{@code
 * RequestListener log = event -> {
 *   if (event.outcome() != RequestEvent.Outcome.SUCCESS) {
 *     logger.warn("{} attempt {} ended {} (status {}) after {} ms", event.operation(), event.attempt(),
 *         event.outcome(), event.status(), event.duration().toMillis());
 *   }
 * };
 * }</pre>
 *
 * @param operation the client operation that sent the request
 * @param outcome how the attempt ended
 * @param status the HTTP status of the answer; empty when none arrived
 * @param duration from handing the request to the transport to its outcome, measured on a
 *     monotonic clock (never negative)
 * @param attempt 1 for the first attempt, then 2, 3, ... for retries
 */
public record RequestEvent(Operation operation, Outcome outcome, OptionalInt status, Duration duration, int attempt) {

  /** Checks the components: none null, duration not negative, attempt at least 1. */
  public RequestEvent {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, got " + duration);
    }
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
    }
  }

  /** The client operation a request belongs to, one per method of {@link ChannelsClient}. */
  public enum Operation {
    /** {@code trigger(...)}: {@code POST /events}. */
    TRIGGER,
    /** {@code triggerBatch(...)} and the {@link Publisher}'s batches: {@code POST /batch_events}. */
    TRIGGER_BATCH,
    /** {@code sendToUser(...)}. */
    SEND_TO_USER,
    /** {@code terminateUserConnections(...)}. */
    TERMINATE_USER_CONNECTIONS,
    /** {@code channels(...)}. */
    CHANNELS,
    /** {@code channel(...)}. */
    CHANNEL,
    /** {@code users(...)}. */
    USERS,
    /** {@code get(path, query)}, the signed escape hatch. */
    RAW_GET,
    /** {@code post(path, body)}, the signed escape hatch. */
    RAW_POST
  }

  /** How an attempt ended. */
  public enum Outcome {
    /** A 2xx answer that is a success. */
    SUCCESS,
    /** The API answered with an error: {@link ApiException} (an error status, or an error body). */
    API_ERROR,
    /** No answer arrived: {@link TransportException}. */
    TRANSPORT_ERROR
  }
}
