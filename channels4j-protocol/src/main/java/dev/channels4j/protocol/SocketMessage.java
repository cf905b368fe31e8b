package dev.channels4j.protocol;

/**
 * One message a Pusher server sent over the WebSocket.
 *
 * @param event the event name, e.g. {@code pusher:connection_established} or an app's own
 * @param channel the channel, or {@code null} for connection-level messages
 * @param data the data as text: a string field as is, an object field as its JSON
 * @param userId the top-level {@code user_id} (client events on presence channels), or {@code null}
 * @param raw the whole frame as received
 *
 * <pre>{@code
 * socket.await(mark, m -> m.is("created", "orders"), Duration.ofSeconds(3)).map(SocketMessage::data);
 * }</pre>
 */
public record SocketMessage(String event, String channel, String data, String userId, String raw) {

  /** Whether this is a message the protocol itself sends ({@code pusher:} or {@code pusher_internal:}). */
  public boolean isProtocol() {
    return event.startsWith("pusher:") || event.startsWith("pusher_internal:");
  }

  /** Whether this is {@code event} on {@code channel}. */
  public boolean is(String event, String channel) {
    return this.event.equals(event) && java.util.Objects.equals(this.channel, channel);
  }
}
