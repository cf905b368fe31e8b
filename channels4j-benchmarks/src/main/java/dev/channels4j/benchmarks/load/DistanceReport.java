package dev.channels4j.benchmarks.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Medians over rounds of the distance benchmark, its Markdown tables and issue 18's targets. */
final class DistanceReport {
  private static final List<String> METRICS = List.of("events_per_s", "cpu_us_per_event", "p50_ms", "p99_ms",
      "connections", "handshakes", "connections_run", "handshakes_run");

  private final List<Integer> rtts;
  private final List<String> clients;
  /** RTT, then client, then metric: the median over rounds (errors: the sum). */
  private final Map<Integer, Map<String, Map<String, Double>>> medians = new LinkedHashMap<>();

  DistanceReport(List<Integer> rtts, List<String> clients, List<Map<String, Object>> samples) {
    this.rtts = rtts;
    this.clients = clients;
    for (int rtt : rtts) {
      Map<String, Map<String, Double>> byClient = new LinkedHashMap<>();
      for (String client : clients) {
        List<Map<String, Object>> mine = samples.stream()
            .filter(s -> ((Number) s.get("rtt_ms")).intValue() == rtt && client.equals(s.get("client"))).toList();
        Map<String, Double> values = new LinkedHashMap<>();
        for (String metric : METRICS) {
          double[] sorted = mine.stream().mapToDouble(s -> DistanceHarness.num(s, metric)).sorted().toArray();
          values.put(metric, sorted.length == 0 ? Double.NaN : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
              : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2);
        }
        values.put("errors", mine.stream().mapToDouble(s -> DistanceHarness.num(s, "errors")).sum());
        byClient.put(client, values);
      }
      medians.put(rtt, byClient);
    }
  }

  Map<Integer, Map<String, Map<String, Double>>> medians() {
    return medians;
  }

  String tables() {
    StringBuilder out = new StringBuilder();
    table(out, "events/s (median)", (rtt, client) -> fmt(get(rtt, client, "events_per_s"), 0));
    table(out, "CPU µs per event, client process (median)", (rtt, client) -> fmt(get(rtt, client, "cpu_us_per_event"), 1));
    table(out, "p50 / p99 latency ms (median)", (rtt, client) -> fmt(get(rtt, client, "p50_ms"), 1) + " / "
        + fmt(get(rtt, client, "p99_ms"), 1));
    table(out, "connections opened: measured part / whole run incl. warm-up (median)",
        (rtt, client) -> fmt(get(rtt, client, "connections"), 0) + " / " + fmt(get(rtt, client, "connections_run"), 0));
    table(out, "TLS handshakes at the sink: measured part / whole run (median)",
        (rtt, client) -> fmt(get(rtt, client, "handshakes"), 0) + " / " + fmt(get(rtt, client, "handshakes_run"), 0));
    table(out, "errors (sum over rounds)", (rtt, client) -> fmt(get(rtt, client, "errors"), 0));
    out.append(targets());
    return out.toString();
  }

  /** Issue 18's targets that this run can judge, as ratios within the run. */
  String targets() {
    List<String> lines = new ArrayList<>();
    for (int rtt : rtts) {
      ratio(lines, rtt, "channels4j-publisher", "pusher-http-java-async", 10, "publisher (defaults) / pusher-http-java async");
    }
    if (rtts.contains(80)) {
      ratio(lines, 80, "channels4j-publisher", "channels4j-publisher-tuned", 0.8, "publisher defaults / hand-tuned (256/256)");
    }
    if (rtts.contains(0)) {
      ratio(lines, 0, "channels4j-blocking", "pusher-http-java-blocking", 1.25, "blocking / pusher-http-java blocking");
      ratio(lines, 0, "channels4j-async", "pusher-http-java-async", 1.25, "async / pusher-http-java async");
    }
    for (int rtt : rtts) {
      if (rtt > 0) {
        bound(lines, rtt, "channels4j-blocking", Drivers.BLOCKING_THREADS);
        bound(lines, rtt, "channels4j-async", Drivers.ASYNC_IN_FLIGHT);
      }
    }
    StringBuilder out = new StringBuilder("Targets of issue 18 judged by this run (ratios within the run):\n\n");
    lines.forEach(line -> out.append("- ").append(line).append('\n'));
    return out.append('\n').toString();
  }

  private void ratio(List<String> lines, int rtt, String a, String b, double target, String label) {
    double value = get(rtt, a, "events_per_s") / get(rtt, b, "events_per_s");
    if (!Double.isNaN(value)) {
      lines.add(String.format(Locale.ROOT, "RTT %d ms: %s = %.2f (target ≥ %s): %s", rtt, label, value,
          fmt(target, target < 2 ? 2 : 0), value >= target ? "met" : "missed"));
    }
  }

  private void bound(List<String> lines, int rtt, String client, int inFlight) {
    double value = get(rtt, client, "events_per_s") / (inFlight * 1000.0 / rtt);
    if (!Double.isNaN(value)) {
      lines.add(String.format(Locale.ROOT, "RTT %d ms: %s / bound (%d in flight / RTT = %.0f/s) = %.2f (target ≥ 0.95): %s",
          rtt, client, inFlight, inFlight * 1000.0 / rtt, value, value >= 0.95 ? "met" : "missed"));
    }
  }

  private interface Cell {
    String at(int rtt, String client);
  }

  private void table(StringBuilder out, String title, Cell cell) {
    out.append(title).append(":\n\n| client |");
    rtts.forEach(rtt -> out.append(" RTT ").append(rtt).append(" ms |"));
    out.append("\n|---|");
    rtts.forEach(rtt -> out.append("---:|"));
    out.append('\n');
    for (String client : clients) {
      out.append("| ").append(client).append(" |");
      rtts.forEach(rtt -> out.append(' ').append(cell.at(rtt, client)).append(" |"));
      out.append('\n');
    }
    out.append('\n');
  }

  private double get(int rtt, String client, String metric) {
    Map<String, Double> values = medians.getOrDefault(rtt, Map.of()).get(client);
    return values == null ? Double.NaN : values.getOrDefault(metric, Double.NaN);
  }

  private static String fmt(double value, int decimals) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%,." + decimals + "f", value).replace(',', ' ');
  }
}
