package dev.channels4j.spring.boot;

import dev.channels4j.Event;
import dev.channels4j.Info;
import java.util.List;
import java.util.Objects;

/**
 * An event held for a transaction, as Spring Modulith's event publication registry records it when
 * the application uses that registry (see {@link TransactionalPublisher}): the data is already JSON,
 * so that a publication resubmitted after a restart needs no type information. Select these when
 * resubmitting:
 *
 * <pre>{@code
 * incompletePublications.resubmitIncompletePublications(
 *     publication -> publication.getEvent() instanceof ChannelsPublication);
 * }</pre>
 *
 * @param id a random id that ties the publication to the future {@code publish} returned
 * @param channels the event's channels
 * @param name the event's name
 * @param data the event's data as JSON text
 * @param socketId the connection not to deliver to, or {@code null}
 * @param info the channel attributes asked for ({@link Info} names)
 */
public record ChannelsPublication(String id, List<String> channels, String name, String data, String socketId,
    List<String> info) {

  public ChannelsPublication {
    Objects.requireNonNull(id, "id");
    channels = List.copyOf(channels);
    Objects.requireNonNull(name, "name");
    info = info == null ? List.of() : List.copyOf(info);
  }

  /** The event to hand to the {@link dev.channels4j.Publisher}. */
  public Event toEvent() {
    Event event = Event.of(channels, name, data);
    if (socketId != null) {
      event = event.excluding(socketId);
    }
    if (!info.isEmpty()) {
      event = event.withInfo(info.stream().map(Info::valueOf).toArray(Info[]::new));
    }
    return event;
  }

  @Override
  public String toString() {
    // The data may be personal: it stays out of logs.
    return "ChannelsPublication[id=" + id + ", channels=" + channels + ", name=" + name + "]";
  }
}
