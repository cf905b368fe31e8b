package dev.channels4j.internal.api;

/**
 * One batch event after validation and encoding: {@code data} is the exact string sent (encrypted
 * for a {@code private-encrypted-} channel), so the event can no longer fail validation.
 *
 * @param socketId the socket id to exclude, or {@code null}
 * @param info comma-separated attributes to return, or {@code null}
 */
public record PreparedEvent(String channel, String name, String data, String socketId, String info) {
  @Override
  public String toString() {
    return "PreparedEvent[channel=" + channel + ", name=" + name + "]";
  }
}
