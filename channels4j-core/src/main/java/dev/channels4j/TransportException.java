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

  /**
   * An exception as the client would throw it for this failure, for a unit test of code that
   * handles failures (a stub or mock of your own seam throws it).
   *
   * <pre>{@code
   * TransportException timeout = TransportException.of(TransportException.Kind.TIMEOUT, "request timed out", null);
   * }</pre>
   *
   * @param kind what went wrong on the wire
   * @param message what happened, in words
   * @param cause the underlying I/O error; may be null
   * @throws IllegalArgumentException when kind or message is null
   */
  public static TransportException of(Kind kind, String message, Throwable cause) {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null; pick one of " + java.util.Arrays.toString(Kind.values()));
    }
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
    return new TransportException(kind, message, cause);
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
