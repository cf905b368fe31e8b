package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.RequestEvent;
import dev.channels4j.RequestListener;
import java.util.Locale;

/**
 * Feeds each request attempt the client reports to the metrics and to the health indicator's
 * {@link RequestOutcomes}. The operation is core's own ({@link RequestEvent.Operation}), one tag
 * value per client method: {@code trigger}, {@code trigger_batch}, {@code send_to_user}...
 */
final class ObservingListener implements RequestListener {
  private final ChannelsMetrics metrics;
  private final RequestOutcomes outcomes;

  ObservingListener(ChannelsMetrics metrics, RequestOutcomes outcomes) {
    this.metrics = metrics;
    this.outcomes = outcomes;
  }

  @Override
  public void requestCompleted(RequestEvent event) {
    int status = event.status().orElse(0);
    String outcome = outcome(event.outcome(), status);
    metrics.request(event.operation().name().toLowerCase(Locale.ROOT), outcome, event.duration().toNanos());
    outcomes.record(outcome, status);
  }

  /** success, client_error (4xx), server_error (5xx or an error body) or transport_error (no answer). */
  static String outcome(RequestEvent.Outcome outcome, int status) {
    return switch (outcome) {
      case SUCCESS -> "success";
      case TRANSPORT_ERROR -> "transport_error";
      case API_ERROR -> status >= 400 && status < 500 ? "client_error" : "server_error";
    };
  }
}
