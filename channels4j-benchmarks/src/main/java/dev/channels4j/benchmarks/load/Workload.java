package dev.channels4j.benchmarks.load;

import java.util.Map;

/** The app and the events every client publishes: the same sequence for each, so runs compare. */
final class Workload {
  static final String APP_ID = "bench";
  static final String KEY = "bench-key";
  static final String SECRET = "bench-secret-0123456789";
  static final String EVENT = "price-update";
  static final int CHANNELS = 100;
  /** One small event: serialized by each library's own JSON codec, as an application would pass it. */
  static final Map<String, Object> DATA = Map.of("symbol", "ACME", "price", 101.25, "message", "hello world");

  private static final String[] CHANNEL_NAMES = new String[CHANNELS];

  static {
    for (int i = 0; i < CHANNELS; i++) {
      CHANNEL_NAMES[i] = "bench-" + i;
    }
  }

  private Workload() {}

  static String channel(int event) {
    return CHANNEL_NAMES[event % CHANNELS];
  }
}
