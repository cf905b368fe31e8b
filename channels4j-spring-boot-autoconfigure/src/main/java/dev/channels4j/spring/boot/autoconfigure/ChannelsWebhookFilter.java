package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import dev.channels4j.webhook.Webhook;
import dev.channels4j.webhook.WebhookEvent;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The webhook endpoint. A servlet filter ahead of every other (Spring Security's included) so that
 * it reads the raw body bytes whatever the content type: nothing before it can have parsed a
 * form-encoded body into parameters, which would make the signature unverifiable. The signature is
 * the endpoint's authentication, so it needs neither a login nor a CSRF token.
 *
 * <p>Answers: 200 when verified and every listener ran; 401 on a bad signature, an unknown key, a
 * malformed body or a webhook older than {@code channels4j.webhooks.max-age} (by its time_ms); 413
 * for a body over {@code channels4j.webhooks.max-body-size}; 405 for other methods; 500 when a
 * listener threw (Channels then sends the webhook again).
 */
final class ChannelsWebhookFilter implements Filter {
  private static final Logger log = LoggerFactory.getLogger(ChannelsWebhookFilter.class);

  private final ChannelsClient client;
  private final ApplicationEventPublisher events;
  private final ChannelsMetrics metrics;
  private final Duration maxAge;
  private final int maxBodyBytes;
  private final Clock clock;

  ChannelsWebhookFilter(ChannelsClient client, ApplicationEventPublisher events, ChannelsMetrics metrics,
      Duration maxAge, int maxBodyBytes, Clock clock) {
    this.client = client;
    this.events = events;
    this.metrics = metrics;
    this.maxAge = maxAge;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "webhooks are POSTed");
      return;
    }
    byte[] body = readBody(request);
    if (body == null) {
      metrics.webhook("none", "too_large");
      refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body over " + maxBodyBytes + " bytes");
      return;
    }
    Webhook webhook;
    try {
      webhook = CoreApi.verifyWebhook(client, headers(request), body);
    } catch (RuntimeException e) {
      // Not only ChannelsException: an application's own JsonCodec may throw anything on a bad
      // body, and an unverifiable webhook is a 401 (a 500 would make Channels send it again).
      metrics.webhook("none", "invalid");
      log.debug("webhook refused: {}", e.getMessage());
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid webhook");
      return;
    }
    long ageMs = clock.millis() - webhook.timeMs();
    if (Math.abs(ageMs) > maxAge.toMillis()) {
      metrics.webhook("none", "stale");
      log.debug("webhook refused: time_ms {} is {} ms from now, over max-age {}", webhook.timeMs(), ageMs, maxAge);
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "stale webhook");
      return;
    }
    for (WebhookEvent event : webhook.events()) {
      try {
        events.publishEvent(event);
        metrics.webhook(event.name(), "accepted");
      } catch (RuntimeException e) {
        metrics.webhook(event.name(), "listener_failed");
        log.error("a listener of webhook event {} on {} failed; answering 500 so that it is sent again",
            event.name(), event.channel(), e);
        refuse(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "listener failed");
        return;
      }
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.getWriter().write("{}");
  }

  /** The body, or null when it is larger than allowed (then not read further). */
  private byte[] readBody(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBodyBytes) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
    byte[] buffer = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (out.size() + read > maxBodyBytes) {
          return null;
        }
        out.write(buffer, 0, read);
      }
    }
    return out.toByteArray();
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    return headers;
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.getWriter().write("{\"error\":\"" + message + "\"}");
  }
}
