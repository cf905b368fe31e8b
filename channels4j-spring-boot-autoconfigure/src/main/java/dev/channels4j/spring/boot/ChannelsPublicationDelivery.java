package dev.channels4j.spring.boot;

import dev.channels4j.ChannelCounts;
import dev.channels4j.Event;
import dev.channels4j.Info;
import dev.channels4j.Publisher;
import dev.channels4j.spi.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Durable publishing through Spring Modulith's event publication registry. {@link TransactionalPublisher}
 * hands each event held for a transaction to {@link #record}, which publishes it as a
 * {@link ChannelsPublication} application event: Modulith writes it to its registry inside the
 * transaction. After the commit Modulith calls {@link #deliver}, which returns once Channels has
 * accepted the event; Modulith then marks the publication completed. When delivery fails the
 * publication stays incomplete and can be resubmitted (Modulith's {@code IncompleteEventPublications},
 * or {@code spring.modulith.events.republish-outstanding-events-on-restart=true}).
 *
 * <p>At least once: an event can be delivered twice (accepted by Channels, then the application
 * stops before the publication is marked completed). Channels has no idempotency key, so browsers
 * may see it twice; give events an id of your own when that matters.
 *
 * <p>The starter declares this bean when a Modulith {@code EventPublicationRegistry} bean exists.
 * Not final: Modulith wraps listener beans in a proxy.
 *
 * <pre>{@code
 * // The application adds spring-modulith-starter-jdbc (or -jpa, -mongodb); then, to retry what failed:
 * @Scheduled(fixedDelay = 60_000)
 * void resubmitUndelivered() {
 *   incompletePublications.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
 * }
 * }</pre>
 */
public class ChannelsPublicationDelivery {
  /** The listener's id in the registry: stable across refactorings of this class. */
  public static final String LISTENER_ID = "dev.channels4j.spring.boot.ChannelsPublicationDelivery";

  private final Publisher publisher;
  private final JsonCodec codec;
  private final ApplicationEventPublisher events;
  // Holds only the futures of open transactions: each entry leaves at commit or rollback.
  private final Map<String, CompletableFuture<ChannelCounts>> pending = new ConcurrentHashMap<>();

  public ChannelsPublicationDelivery(Publisher publisher, JsonCodec codec, ApplicationEventPublisher events) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.events = Objects.requireNonNull(events, "events");
  }

  /** Records the event in the current transaction; the future completes when it was delivered. */
  public CompletableFuture<ChannelCounts> record(Event event, CompletableFuture<ChannelCounts> outcome) {
    ChannelsPublication publication = new ChannelsPublication(UUID.randomUUID().toString(), event.channels(),
        event.name(), json(event.data()), event.socketId().orElse(null),
        event.info().stream().map(Info::name).toList());
    pending.put(publication.id(), outcome);
    try {
      events.publishEvent(publication);
    } catch (RuntimeException e) {
      pending.remove(publication.id());
      throw e;
    }
    outcome.whenComplete((counts, error) -> pending.remove(publication.id()));
    return outcome;
  }

  /**
   * Delivers a publication after its transaction committed, or when resubmitted; returns once
   * Channels accepted it, so that Modulith marks it completed, and throws when it was not.
   */
  @TransactionalEventListener(id = LISTENER_ID)
  public void deliver(ChannelsPublication publication) {
    CompletableFuture<ChannelCounts> outcome = pending.remove(publication.id());
    try {
      ChannelCounts counts = publisher.publish(publication.toEvent()).join();
      if (outcome != null) {
        outcome.complete(counts);
      }
    } catch (RuntimeException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (outcome != null) {
        outcome.completeExceptionally(cause);
      }
      throw e;
    }
  }

  private String json(Object data) {
    if (data instanceof String text) {
      return text;
    }
    if (data instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return codec.toJson(data);
  }

  @Override
  public String toString() {
    return "ChannelsPublicationDelivery[" + publisher + "]";
  }
}
