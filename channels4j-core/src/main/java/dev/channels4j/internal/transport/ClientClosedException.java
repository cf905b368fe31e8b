package dev.channels4j.internal.transport;

import java.io.IOException;

/**
 * The transport was closed before an exchange ended, or an exchange was started on a closed
 * transport. Another attempt would meet the same closed transport, so the dispatcher never
 * retries it, and reports this message rather than whatever the stopped pool says.
 */
public final class ClientClosedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why an exchange in flight ended when the client closed. */
  public static final String CLOSED_IN_FLIGHT = "the client was closed before the response arrived";

  /** Why an exchange was not started. */
  static final String CLOSED_ALREADY = "the client is closed";

  public ClientClosedException(String message) {
    super(message);
  }

  public ClientClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
