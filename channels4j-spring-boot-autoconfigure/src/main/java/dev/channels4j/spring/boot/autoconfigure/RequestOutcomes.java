package dev.channels4j.spring.boot.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What recent requests to the Channels API say about its health, in constant memory: the count of
 * consecutive failures, the totals, and when and how the last one failed. A failure is a request
 * that got no answer, a 5xx, or a 401/403 (credentials refused); other answers prove the API is
 * reachable and the credentials good.
 */
final class RequestOutcomes {
  private final Clock clock;
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<String> lastFailure = new AtomicReference<>();
  private final AtomicReference<Instant> lastFailureAt = new AtomicReference<>();

  RequestOutcomes(Clock clock) {
    this.clock = clock;
  }

  void record(String outcome, int status) {
    requests.incrementAndGet();
    boolean failed = "transport_error".equals(outcome) || status >= 500 || status == 401 || status == 403;
    if (failed) {
      failures.incrementAndGet();
      consecutiveFailures.incrementAndGet();
      lastFailure.set(status > 0 ? "HTTP " + status : outcome);
      lastFailureAt.set(clock.instant());
    } else {
      consecutiveFailures.set(0);
    }
  }

  int consecutiveFailures() {
    return consecutiveFailures.get();
  }

  Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("requests", requests.get());
    details.put("failures", failures.get());
    details.put("consecutiveFailures", consecutiveFailures.get());
    String last = lastFailure.get();
    if (last != null) {
      details.put("lastFailure", last);
      details.put("lastFailureAt", String.valueOf(lastFailureAt.get()));
    }
    return details;
  }
}
