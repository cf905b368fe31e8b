package dev.channels4j.cli.internal.socket;

/**
 * The WebSocket connection could not be opened, was refused, or a message could not be sent.
 * Commands exit with {@link dev.channels4j.cli.ExitCodes#SERVICE_ERROR}.
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
