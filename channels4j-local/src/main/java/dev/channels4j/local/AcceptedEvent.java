package dev.channels4j.local;

import java.time.Instant;
import java.util.Optional;

/**
 * An event a {@link LocalServer} accepted and delivered, for assertions in tests.
 *
 * <pre>{@code
 * assertThat(server.acceptedEvents())
 *     .extracting(AcceptedEvent::channel, AcceptedEvent::event)
 *     .containsExactly(tuple("orders", "created"));
 * }</pre>
 *
 * @param source whether it came through the HTTP API or from a connection (a client event)
 * @param channel the channel it was delivered on (one record per channel of a multi-channel trigger)
 * @param event the event name
 * @param data the data as sent: the JSON string of an API event, the JSON text of a client event
 * @param socketId for an API event the socket id excluded from delivery; for a client event the sender
 * @param userId the sender's user id, for client events on presence channels
 * @param time when the server accepted it
 */
public record AcceptedEvent(
    Source source, String channel, String event, String data, Optional<String> socketId,
    Optional<String> userId, Instant time) {

  /** Where an event came from. */
  public enum Source {
    /** {@code POST /apps/<id>/events} or {@code batch_events}. */
    API,
    /** A {@code client-} event sent over a WebSocket connection. */
    CLIENT
  }
}
