package dev.channels4j.local.internal.state;

/**
 * Why a request of a connection was refused: the {@code pusher:error} code ({@code null} as real
 * Pusher sends for subscription errors) and a message; {@code close} when the connection must end.
 */
public record Refusal(Integer code, String message, boolean close) {
  public static Refusal of(String message) {
    return new Refusal(null, message, false);
  }

  public static Refusal of(int code, String message) {
    return new Refusal(code, message, false);
  }

  public static Refusal closing(int code, String message) {
    return new Refusal(code, message, true);
  }
}
