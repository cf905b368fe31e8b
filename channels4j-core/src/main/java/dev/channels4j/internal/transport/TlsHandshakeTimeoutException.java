package dev.channels4j.internal.transport;

import java.io.IOException;

/**
 * The server accepted the connection but did not complete the TLS handshake within the connect
 * timeout. Not a {@link java.net.SocketTimeoutException}: HttpClient would turn one into a
 * connect timeout without a cause, and the handshake would no longer be named.
 */
final class TlsHandshakeTimeoutException extends IOException {
  private static final long serialVersionUID = 1L;

  TlsHandshakeTimeoutException(Throwable cause) {
    super("the TLS handshake did not complete in time", cause);
  }
}
