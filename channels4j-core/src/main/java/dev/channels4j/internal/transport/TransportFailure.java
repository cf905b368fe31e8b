package dev.channels4j.internal.transport;

import dev.channels4j.TransportException;
import java.io.IOException;

/**
 * A failure the transport has already understood: its kind and a message for the user (what
 * failed, where, what to do), without the request, which the dispatcher adds. The transport's own
 * exception types stay inside the transport; the dispatcher only reads this.
 */
public final class TransportFailure extends IOException {
  private static final long serialVersionUID = 1L;
  private final TransportException.Kind kind;

  TransportFailure(TransportException.Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public TransportException.Kind kind() {
    return kind;
  }
}
