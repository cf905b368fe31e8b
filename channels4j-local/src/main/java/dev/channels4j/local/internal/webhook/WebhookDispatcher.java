package dev.channels4j.local.internal.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.internal.transport.ApacheTransport;
import dev.channels4j.internal.webhook.WebhookSigner;
import dev.channels4j.local.Limits;
import dev.channels4j.local.LocalApp;
import dev.channels4j.local.internal.state.Tap;
import dev.channels4j.local.internal.Json;
import dev.channels4j.local.internal.state.Counters;
import dev.channels4j.local.internal.state.WebhookSink;
import dev.channels4j.spi.Transport;
import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts webhooks: one event per request, body {@code {"time_ms":..,"events":[..]}}, signed with
 * {@code X-Pusher-Key} and {@code X-Pusher-Signature} by the core library's {@link WebhookSigner}
 * (HMAC-SHA256 of the body with the app secret), the signer the client's {@code signWebhook} uses.
 *
 * <p>Each URL gets its webhooks one at a time, in the order they happened, so a receiver sees
 * {@code channel_occupied} before {@code member_added}. A delivery that fails (no answer, or not
 * 2xx) is retried with doubling backoff until {@code retryFor} after the webhook was created, then
 * logged as given up; webhooks queued behind it are tried at least once each.
 *
 * <p>Bounded: the webhooks waiting for one URL are capped by {@link Limits#maxWebhookQueue()} and
 * {@link Limits#maxWebhookQueueBytes()}; when a new one does not fit, the oldest waiting ones are
 * dropped and counted. The first drop of a burst is logged at WARN, and the burst's total when the
 * queue is back under half its cap. Likewise for webhooks given up: the first of a burst at WARN,
 * the rest at DEBUG, and their total when a webhook to that URL gets through again (or at close).
 *
 * <p>Nothing a delivery does reaches the thread that caused the webhook (often a WebSocket thread
 * handling a subscription): even a transport that throws, or a broken class path, only fails that
 * delivery, and the URL's next webhook is tried.
 */
public final class WebhookDispatcher implements WebhookSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("dev.channels4j.local.webhooks");
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Duration retryFor;
  private final Duration initialBackoff;
  private final Limits limits;
  private final Counters counters;
  private final Map<URI, Lane> lanes = new ConcurrentHashMap<>();
  private final Supplier<? extends Transport> transports;
  private Transport transport;
  private volatile boolean closed;
  /** The debug console's view of every attempt; null when no console runs. */
  private volatile Tap tap;

  public WebhookDispatcher(ScheduledExecutorService scheduler, Clock clock, Duration retryFor, Duration initialBackoff,
      Limits limits, Counters counters) {
    this(scheduler, clock, retryFor, initialBackoff, limits, counters,
        () -> new ApacheTransport(Duration.ofSeconds(5), REQUEST_TIMEOUT, 20, null));
  }

  /** With the transport that {@code transports} makes on the first webhook (closed with this). */
  public WebhookDispatcher(ScheduledExecutorService scheduler, Clock clock, Duration retryFor, Duration initialBackoff,
      Limits limits, Counters counters, Supplier<? extends Transport> transports) {
    this.transports = transports;
    this.limits = limits;
    this.counters = counters;
    this.scheduler = scheduler;
    this.clock = clock;
    this.retryFor = retryFor;
    this.initialBackoff = initialBackoff;
  }

  public void tap(Tap tap) {
    this.tap = tap;
  }

  @Override
  public void send(LocalApp app, ObjectNode event) {
    if (closed) {
      return;
    }
    ObjectNode envelope = Json.object().put("time_ms", clock.millis());
    envelope.putArray("events").add(event);
    byte[] body = Json.writeBytes(envelope);
    Map<String, String> headers = WebhookSigner.headers(app.key(), app.secret(), body);
    headers.put("Content-Type", "application/json");
    long deadline = System.nanoTime() + retryFor.toNanos();
    String what = event.path("name").asText() + " for channel " + event.path("channel").asText();
    for (URI url : app.webhookUrls()) {
      Delivery delivery = new Delivery(new TransportRequest("POST", url, headers, body, REQUEST_TIMEOUT), what, deadline);
      lanes.computeIfAbsent(url, Lane::new).enqueue(delivery);
    }
  }

  private record Delivery(TransportRequest request, String what, long deadlineNanos) {
    long size() {
      return request.body().length + 256L;
    }
  }

  /** The webhooks of one URL, delivered one at a time: the one being tried, and those waiting. */
  private final class Lane {
    private final URI url;
    private final Deque<Delivery> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long droppedInBurst;
    private long gaveUpInBurst;
    private boolean busy;

    Lane(URI url) {
      this.url = url;
    }

    void enqueue(Delivery delivery) {
      Delivery head;
      synchronized (this) {
        while (!queue.isEmpty()
            && (queue.size() >= limits.maxWebhookQueue() || queuedBytes + delivery.size() > limits.maxWebhookQueueBytes())) {
          queuedBytes -= queue.pollFirst().size();
          counters.webhooksDropped.increment();
          if (droppedInBurst++ == 0) {
            LOG.warn("webhook queue for {} is full ({} waiting, at most {} webhooks or {} bytes): dropping the oldest"
                + " until it drains; is the receiver answering?", url, queue.size() + 1, limits.maxWebhookQueue(),
                limits.maxWebhookQueueBytes());
          }
        }
        queue.addLast(delivery);
        queuedBytes += delivery.size();
        if (busy) {
          return;
        }
        busy = true;
        head = pollLocked();
      }
      attempt(head, initialBackoff, 1);
    }

    /** Logs how many webhooks were given up since the last one that got through, if any. */
    void summariseGiveUps() {
      long total;
      synchronized (this) {
        total = gaveUpInBurst;
        gaveUpInBurst = 0;
      }
      if (total > 0) {
        LOG.warn("gave up {} webhook(s) to {} in all before this one got through", total, url);
      }
    }

    private Delivery pollLocked() {
      Delivery head = queue.pollFirst();
      if (head != null) {
        queuedBytes -= head.size();
      }
      if (droppedInBurst > 0 && queue.size() <= limits.maxWebhookQueue() / 2) {
        LOG.warn("dropped {} webhook(s) for {} while its queue was full", droppedInBurst, url);
        droppedInBurst = 0;
      }
      return head;
    }

    private void next() {
      Delivery head;
      synchronized (this) {
        head = pollLocked();
        if (head == null) {
          busy = false;
          return;
        }
      }
      attempt(head, initialBackoff, 1);
    }

    private void attempt(Delivery delivery, Duration backoff, int attempt) {
      TransportRequest request = delivery.request();
      BiConsumer<TransportResponse, Throwable> outcome = (response, failure) -> {
        Tap watcher = tap;
        if (watcher != null) {
          watcher.webhook(request.uri(), new String(request.body(), java.nio.charset.StandardCharsets.UTF_8), attempt,
              failure == null ? response.status() : 0, failure == null ? null : failure.toString());
        }
        if (failure == null && response.status() / 100 == 2) {
          LOG.debug("webhook {} delivered to {}", delivery.what(), request.uri());
          summariseGiveUps();
          next();
          return;
        }
        String reason = failure != null ? failure.toString() : "HTTP " + response.status() + describe(response);
        if (closed) {
          LOG.warn("gave up webhook {} to {} after {} attempt(s): server stopped; last failure: {}",
              delivery.what(), request.uri(), attempt, reason);
          return;
        }
        if (System.nanoTime() + backoff.toNanos() > delivery.deadlineNanos()) {
          boolean first;
          synchronized (this) {
            first = gaveUpInBurst++ == 0;
          }
          String message = "gave up webhook {} to {} after {} attempt(s) over the retry window of {}; last failure: {}";
          if (first) {
            LOG.warn(message + " (more given up for this URL are counted until one gets through)",
                delivery.what(), request.uri(), attempt, retryFor, reason);
          } else {
            LOG.debug(message, delivery.what(), request.uri(), attempt, retryFor, reason);
          }
          next();
          return;
        }
        LOG.info("webhook {} to {} failed ({}); retrying in {} ms",
            delivery.what(), request.uri(), reason, backoff.toMillis());
        Duration doubled = backoff.multipliedBy(2);
        Duration later = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
        try {
          scheduler.schedule(() -> attempt(delivery, later, attempt + 1), backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
          LOG.warn("gave up webhook {} to {}: server stopped", delivery.what(), request.uri());
        }
      };
      CompletableFuture<TransportResponse> sent;
      try {
        Transport transport = transport();
        if (transport == null) {
          return;
        }
        sent = transport.send(request);
      } catch (RuntimeException | LinkageError thrown) {
        // Handled like any failed delivery, but on the scheduler: not on the caller's thread, and
        // without recursing through the whole queue when every send throws.
        try {
          CompletableFuture.<TransportResponse>failedFuture(thrown).whenCompleteAsync(outcome, scheduler);
        } catch (RejectedExecutionException stopped) {
          LOG.warn("gave up webhook {} to {}: server stopped", delivery.what(), request.uri());
        }
        return;
      }
      sent.whenComplete(outcome);
    }
  }

  private static String describe(TransportResponse response) {
    String text = response.bodyText();
    return text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
  }

  /** The shared transport, or null once closed (a transport made after close would never be closed). */
  private synchronized Transport transport() {
    if (closed) {
      return null;
    }
    if (transport == null) {
      transport = transports.get();
    }
    return transport;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (transport != null) {
      transport.close();
      transport = null;
    }
    lanes.values().forEach(lane -> {
      synchronized (lane) {
        if (lane.gaveUpInBurst > 1) {
          LOG.warn("gave up {} webhook(s) to {} in all before the server stopped", lane.gaveUpInBurst, lane.url);
        }
        if (!lane.queue.isEmpty()) {
          LOG.warn("gave up {} queued webhook(s): server stopped", lane.queue.size());
        }
      }
    });
  }
}
