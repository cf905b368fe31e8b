package dev.channels4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event published to one or more channels, with the options of the {@code /events} endpoint.
 * Immutable; each {@code with...} method returns a copy. Validated when it is triggered.
 *
 * <pre>{@code
 * TriggerResult result = client.trigger(
 *     Trigger.of(List.of("presence-room", "lobby"), "message", Map.of("text", "hi"))
 *         .excluding(senderSocketId)
 *         .withInfo("user_count", "subscription_count"));
 * result.channel("presence-room").flatMap(ChannelCounts::userCount);
 * }</pre>
 */
public final class Trigger {
  private final List<String> channels;
  private final String event;
  private final Object data;
  private final String socketId;
  private final String info;

  private Trigger(List<String> channels, String event, Object data, String socketId, String info) {
    this.channels = channels;
    this.event = event;
    this.data = data;
    this.socketId = socketId;
    this.info = info;
  }

  /** An event on one channel. {@code data}: a String as is, {@code byte[]} as UTF-8, else JSON. */
  public static Trigger of(String channel, String event, Object data) {
    return new Trigger(Collections.singletonList(channel), event, data, null, null);
  }

  /** An event on several channels (1 to 100). */
  public static Trigger of(List<String> channels, String event, Object data) {
    Objects.requireNonNull(channels, "channels must not be null");
    return new Trigger(Collections.unmodifiableList(new ArrayList<>(channels)), event, data, null, null);
  }

  /** Does not deliver the event to the connection with this socket id (usually the sender's). */
  public Trigger excluding(String socketId) {
    return new Trigger(channels, event, data, socketId, info);
  }

  /**
   * Asks for channel attributes in the result: {@code "user_count"} (presence channels),
   * {@code "subscription_count"} (other channels, when enabled for the app).
   */
  public Trigger withInfo(String... attributes) {
    return new Trigger(channels, event, data, socketId, Info.join(Arrays.asList(attributes)));
  }

  public List<String> channels() {
    return channels;
  }

  public String event() {
    return event;
  }

  public Object data() {
    return data;
  }

  public Optional<String> socketId() {
    return Optional.ofNullable(socketId);
  }

  /** The requested attributes, comma separated as sent. */
  public Optional<String> info() {
    return Optional.ofNullable(info);
  }

  @Override
  public String toString() {
    return "Trigger[channels=" + channels + ", event=" + event + "]";
  }
}
