package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import dev.channels4j.ChannelsException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health of the Channels API as this application sees it. By default it spends no request:
 * DOWN once {@code channels4j.health.failure-threshold} requests in a row have failed, UP otherwise.
 * With {@code channels4j.health.probe=true} each check also lists channels (one API request).
 */
final class ChannelsHealth {
  private final RequestOutcomes outcomes;
  private final ChannelsClient client;
  private final ChannelsProperties.Health settings;

  ChannelsHealth(RequestOutcomes outcomes, ChannelsClient client, ChannelsProperties.Health settings) {
    this.outcomes = outcomes;
    this.client = client;
    this.settings = settings;
  }

  record Verdict(boolean up, Map<String, Object> details) {}

  Verdict check() {
    Map<String, Object> details = new LinkedHashMap<>(outcomes.details());
    boolean up = outcomes.consecutiveFailures() < settings.getFailureThreshold();
    if (settings.isProbe()) {
      try {
        client.channels();
        details.put("probe", "ok");
        up = true;
      } catch (ChannelsException e) {
        // The exception's class says enough; its message may quote an answer body.
        details.put("probe", e.getClass().getSimpleName());
        up = false;
      }
    }
    return new Verdict(up, details);
  }
}
