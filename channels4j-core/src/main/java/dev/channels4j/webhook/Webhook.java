package dev.channels4j.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A verified webhook: when Channels created it and the events it carries, in order. Events of
 * {@code private-encrypted-} channels are already decrypted.
 *
 * <pre>{@code
 * Webhook hook = client.verifyWebhook(headers, body);
 * for (WebhookEvent event : hook.events()) {
 *   if (event instanceof WebhookEvent.MemberAdded added) {
 *     presence.join(added.channel(), added.userId());
 *   } else if (event instanceof WebhookEvent.ChannelVacated vacated) {
 *     rooms.close(vacated.channel());
 *   }
 * }
 * }</pre>
 *
 * @param timeMs when the webhook was created, Unix milliseconds
 * @param events the events, in the order sent
 */
public record Webhook(long timeMs, List<WebhookEvent> events) {
  public Webhook {
    events = List.copyOf(events);
  }

  /** {@link #timeMs()} as an instant. */
  public Instant time() {
    return Instant.ofEpochMilli(timeMs);
  }
}
