package dev.channels4j;

import java.util.Arrays;
import java.util.Optional;

/**
 * One event of a batch ({@link ChannelsClient#triggerBatch(java.util.List)}): one channel, one name,
 * data, and optionally a socket id to exclude and attributes to return. Immutable.
 *
 * <pre>{@code
 * BatchResult result = client.triggerBatch(List.of(
 *     Event.of("orders", "created", order),
 *     Event.of("presence-room", "joined", who).withInfo("user_count")));
 * }</pre>
 */
public final class Event {
  private final String channel;
  private final String name;
  private final Object data;
  private final String socketId;
  private final String info;

  private Event(String channel, String name, Object data, String socketId, String info) {
    this.channel = channel;
    this.name = name;
    this.data = data;
    this.socketId = socketId;
    this.info = info;
  }

  /** An event. {@code data}: a String as is, {@code byte[]} as UTF-8, anything else as JSON. */
  public static Event of(String channel, String name, Object data) {
    return new Event(channel, name, data, null, null);
  }

  /** Does not deliver this event to the connection with this socket id. */
  public Event excluding(String socketId) {
    return new Event(channel, name, data, socketId, info);
  }

  /** Asks for this event's channel attributes in the batch result. */
  public Event withInfo(String... attributes) {
    return new Event(channel, name, data, socketId, Info.join(Arrays.asList(attributes)));
  }

  public String channel() {
    return channel;
  }

  public String name() {
    return name;
  }

  public Object data() {
    return data;
  }

  public Optional<String> socketId() {
    return Optional.ofNullable(socketId);
  }

  public Optional<String> info() {
    return Optional.ofNullable(info);
  }

  @Override
  public String toString() {
    return "Event[channel=" + channel + ", name=" + name + "]";
  }
}
