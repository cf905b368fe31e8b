package dev.channels4j;

/**
 * No answer arrived from the Channels API: the request timed out, the connection was refused or
 * reset, the host is unknown, or TLS failed. The cause holds the underlying I/O error.
 * Whether the event was published is unknown when the failure came after the request was sent.
 *
 * <pre>{@code
 * try {
 *   client.trigger("orders", "created", order);
 * } catch (TransportException e) {
 *   if (e.kind() == TransportException.Kind.TIMEOUT) { ... }
 * }
 * }</pre>
 */
public final class TransportException extends ChannelsException {
  private static final long serialVersionUID = 1L;

  /** What went wrong on the wire. */
  public enum Kind {
    /** The request did not complete within the configured timeout. */
    TIMEOUT,
    /**
     * Nothing listens at the host and port, or the connection could not be opened within the
     * connect timeout, its TLS handshake included.
     */
    CONNECTION_REFUSED,
    /** The connection was reset or closed before a response arrived. */
    CONNECTION_RESET,
    /** The host name could not be resolved. */
    UNKNOWN_HOST,
    /**
     * The answer was larger than the client reads ({@code ChannelsClient.Builder.maxResponseSize},
     * 4 MiB by default): the rest was not read and the connection was dropped. The API's answers
     * are a few kilobytes, so this points at a misbehaving server or proxy; retrying does not help.
     */
    RESPONSE_TOO_LARGE,
    /**
     * The client was closed ({@code ChannelsClient.close()}) before the answer arrived, or before
     * the request was sent. Retrying on the same client cannot help.
     */
    CLOSED,
    /** Any other I/O failure, TLS among them. */
    OTHER
  }

  private final Kind kind;

  TransportException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /**
   * Whether another attempt may succeed: true for every kind but {@link Kind#RESPONSE_TOO_LARGE},
   * which the same server would answer the same way, and {@link Kind#CLOSED}.
   */
  public boolean isRetryable() {
    return kind != Kind.RESPONSE_TOO_LARGE && kind != Kind.CLOSED;
  }
}
