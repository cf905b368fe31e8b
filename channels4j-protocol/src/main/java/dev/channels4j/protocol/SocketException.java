package dev.channels4j.protocol;

/**
 * The WebSocket connection could not be opened, was refused, a message could not be sent, or an
 * authorization failed. The CLI exits with its service-error code; the test kit turns it into an
 * {@code AssertionError}.
 *
 * <pre>{@code
 * throw new SocketException("the server refused the subscription to " + channel, null);
 * }</pre>
 */
public final class SocketException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SocketException(String message, Throwable cause) {
    super(message, cause);
  }
}
