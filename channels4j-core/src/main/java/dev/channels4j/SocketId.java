package dev.channels4j;

/**
 * The rule for the socket id Channels gives each connection ({@code 1234.5678}): the one place
 * channels4j keeps it. Auth endpoints check a browser's {@code socket_id} with it before anything
 * is signed.
 *
 * <pre>{@code
 * if (!SocketId.isValid(request.getParameter("socket_id"))) {
 *   return ResponseEntity.badRequest().build();
 * }
 * }</pre>
 */
public final class SocketId {
  /** The most digits on each side of the dot. */
  public static final int MAX_DIGITS = 20;

  private SocketId() {}

  /**
   * Whether {@code socketId} is digits, a dot, digits (1 to {@value #MAX_DIGITS} ASCII digits on each
   * side); false for null.
   */
  public static boolean isValid(String socketId) {
    if (socketId == null) {
      return false;
    }
    int dot = socketId.indexOf('.');
    return dot > 0 && digits(socketId, 0, dot) && digits(socketId, dot + 1, socketId.length());
  }

  private static boolean digits(String text, int from, int to) {
    if (to <= from || to - from > MAX_DIGITS) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
