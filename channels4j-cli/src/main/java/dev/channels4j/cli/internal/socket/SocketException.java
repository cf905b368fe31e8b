package dev.channels4j.cli.internal.socket;

/** The WebSocket connection could not be opened, was refused, or a message could not be sent. */
public final class SocketException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SocketException(String message, Throwable cause) {
    super(message, cause);
  }
}
