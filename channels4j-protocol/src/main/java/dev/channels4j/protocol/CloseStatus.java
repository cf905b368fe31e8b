package dev.channels4j.protocol;

import dev.channels4j.internal.socket.CloseCodes;

/**
 * How a connection ended: the close code and reason the server sent, 1006 when the connection
 * failed without a close frame, or 1000 when this side closed it.
 *
 * <pre>{@code
 * CloseStatus status = socket.closed().join();  // e.g. 4009 "Connection not authorized"
 * }</pre>
 *
 * @param describe the ending in words, e.g. {@code closed by the server: 4009 Connection not authorized}
 */
public record CloseStatus(int code, String reason, String describe) {
  static CloseStatus byServer(int code, String reason) {
    return new CloseStatus(code, reason,
        "closed by the server: " + code + (reason == null || reason.isEmpty() ? "" : " " + reason));
  }

  static CloseStatus failed(String why) {
    return new CloseStatus(CloseCodes.ABNORMAL, why, why);
  }

  static CloseStatus bySelf() {
    return new CloseStatus(CloseCodes.NORMAL, "", "closed by this client");
  }
}
