package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.webhook.Webhook;
import dev.channels4j.webhook.WebhookEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The webhook endpoint's logic, apart from any web stack: verifies the signature over the raw body,
 * refuses a webhook older than {@code channels4j.webhooks.max-age}, and publishes each event as a
 * Spring application event. The signature is the endpoint's authentication, so it needs neither a
 * login nor a CSRF token.
 *
 * <p>Answers: 200 when verified and every listener ran; 401 on a bad signature, an unknown key, a
 * malformed body or a stale webhook (by its time_ms); 413 for a body over
 * {@code channels4j.webhooks.max-body-size}; 405 for other methods; 500 when a listener threw
 * (Channels then sends the webhook again). Listeners may block: the WebFlux adapter calls
 * {@link #receive} off the event loop.
 */
final class WebhookAnswers {
  private static final Logger log = LoggerFactory.getLogger(WebhookAnswers.class);

  private final ChannelsClient client;
  private final ApplicationEventPublisher events;
  private final ChannelsMetrics metrics;
  private final JsonCodec json;
  private final String path;
  private final Duration maxAge;
  private final int maxBodyBytes;
  private final Clock clock;

  WebhookAnswers(ChannelsClient client, ApplicationEventPublisher events, ChannelsMetrics metrics, JsonCodec json,
      String path, Duration maxAge, int maxBodyBytes, Clock clock) {
    this.client = client;
    this.events = events;
    this.metrics = metrics;
    this.json = json;
    this.path = path;
    this.maxAge = maxAge;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
  }

  /** The endpoint's path, e.g. {@code /pusher/webhooks}. */
  String path() {
    return path;
  }

  /** The largest body read; a larger one is answered by {@link #tooLarge()} without being read further. */
  int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The answer to anything but a POST; the adapter adds {@code Allow: POST}. */
  JsonAnswer notPosted() {
    return JsonAnswer.error(json, JsonAnswer.METHOD_NOT_ALLOWED, "webhooks are POSTed");
  }

  /** The answer to a body over {@link #maxBodyBytes()}. */
  JsonAnswer tooLarge() {
    metrics.webhook("none", "too_large");
    return JsonAnswer.error(json, JsonAnswer.PAYLOAD_TOO_LARGE, "body over " + maxBodyBytes + " bytes");
  }

  /** Verifies and dispatches one webhook; headers are looked up without regard to case by core. */
  JsonAnswer receive(Map<String, List<String>> headers, byte[] body) {
    Webhook webhook;
    try {
      webhook = CoreApi.verifyWebhook(client, headers, body);
    } catch (RuntimeException e) {
      // Not only ChannelsException: an application's own JsonCodec may throw anything on a bad
      // body, and an unverifiable webhook is a 401 (a 500 would make Channels send it again).
      metrics.webhook("none", "invalid");
      log.debug("webhook refused: {}", e.getMessage());
      return JsonAnswer.error(json, JsonAnswer.UNAUTHORIZED, "invalid webhook");
    }
    long ageMs = clock.millis() - webhook.timeMs();
    if (Math.abs(ageMs) > maxAge.toMillis()) {
      metrics.webhook("none", "stale");
      log.debug("webhook refused: time_ms {} is {} ms from now, over max-age {}", webhook.timeMs(), ageMs, maxAge);
      return JsonAnswer.error(json, JsonAnswer.UNAUTHORIZED, "stale webhook");
    }
    for (WebhookEvent event : webhook.events()) {
      try {
        events.publishEvent(event);
        metrics.webhook(event.name(), "accepted");
      } catch (RuntimeException e) {
        metrics.webhook(event.name(), "listener_failed");
        log.error("a listener of webhook event {} on {} failed; answering 500 so that it is sent again",
            event.name(), event.channel(), e);
        return JsonAnswer.error(json, JsonAnswer.SERVER_ERROR, "listener failed");
      }
    }
    return JsonAnswer.ok("{}");
  }
}
