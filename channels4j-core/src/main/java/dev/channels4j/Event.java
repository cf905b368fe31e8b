package dev.channels4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One event to publish: the channels it goes to, its name, its data, and optionally a socket id to
 * exclude and channel attributes to return. The one request type of
 * {@link ChannelsClient#trigger(Event)}, {@link ChannelsClient#triggerBatch(List)} and
 * {@link Publisher#publish(Event)}. Immutable; {@link #excluding} and {@link #withInfo} return copies.
 *
 * <pre>{@code
 * TriggerResult result = client.trigger(
 *     Event.of(List.of("presence-room", "lobby"), "message", Map.of("text", "hi"))
 *         .excluding(senderSocketId)
 *         .withInfo(Info.USER_COUNT, Info.SUBSCRIPTION_COUNT));
 *
 * client.triggerBatch(List.of(
 *     Event.of("orders", "created", order),
 *     Event.of("presence-room", "joined", who).withInfo(Info.USER_COUNT)));
 * }</pre>
 *
 * <p>Null arguments are refused here with a {@link ValidationException} naming them; the channel
 * names, the event name, the socket id and the data are checked against the API's rules when the
 * event is triggered, before anything is sent. An event of a batch or of a {@link Publisher} names
 * exactly one channel (the {@code batch_events} endpoint carries one channel per event).
 *
 * <p>{@code data}: a {@code String} is sent as is, a {@code byte[]} as its UTF-8 text, anything
 * else (including {@code null}) as JSON through the client's {@link dev.channels4j.spi.JsonCodec}.
 */
public final class Event {
  private final List<String> channels;
  private final String name;
  private final Object data;
  private final String socketId;
  private final Set<Info> info;

  private Event(List<String> channels, String name, Object data, String socketId, Set<Info> info) {
    this.channels = channels;
    this.name = name;
    this.data = data;
    this.socketId = socketId;
    this.info = info;
  }

  /** An event on one channel. */
  public static Event of(String channel, String name, Object data) {
    notNull(channel, "channel");
    notNull(name, "event name");
    return new Event(List.of(channel), name, data, null, Set.of());
  }

  /** An event on several channels (1 to 100; an encrypted channel must be the only one). */
  public static Event of(List<String> channels, String name, Object data) {
    notNull(channels, "channels");
    notNull(name, "event name");
    List<String> copy = new ArrayList<>(channels.size());
    for (int i = 0; i < channels.size(); i++) {
      String channel = channels.get(i);
      if (channel == null) {
        throw new ValidationException("channels[" + i + "] must not be null");
      }
      copy.add(channel);
    }
    return new Event(Collections.unmodifiableList(copy), name, data, null, Set.of());
  }

  /** Does not deliver the event to the connection with this socket id (usually the sender's). */
  public Event excluding(String socketId) {
    notNull(socketId, "socketId");
    return new Event(channels, name, data, socketId, info);
  }

  /**
   * Asks for channel attributes in the result: {@link Info#USER_COUNT} (presence channels),
   * {@link Info#SUBSCRIPTION_COUNT} (other channels, when enabled for the app). Replaces any
   * attributes asked for before.
   */
  public Event withInfo(Info... attributes) {
    return new Event(channels, name, data, socketId, Info.setOf(attributes));
  }

  /** The channels, in the order given; never empty once triggered. */
  public List<String> channels() {
    return channels;
  }

  /** The event's name. */
  public String name() {
    return name;
  }

  /** The data as given, before encoding. */
  public Object data() {
    return data;
  }

  /** The socket id not to deliver to, if any. */
  public Optional<String> socketId() {
    return Optional.ofNullable(socketId);
  }

  /** The attributes asked for; empty when none. */
  public Set<Info> info() {
    return info;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Event other
        && channels.equals(other.channels)
        && name.equals(other.name)
        && Objects.equals(data, other.data)
        && Objects.equals(socketId, other.socketId)
        && info.equals(other.info);
  }

  @Override
  public int hashCode() {
    return Objects.hash(channels, name, data, socketId, info);
  }

  /** Channels and name only: data may be personal. */
  @Override
  public String toString() {
    return "Event[channels=" + channels + ", name=" + name + "]";
  }

  private static void notNull(Object value, String what) {
    if (value == null) {
      throw new ValidationException(what + " must not be null");
    }
  }
}
