package dev.channels4j.benchmarks.load;

import static dev.channels4j.benchmarks.load.LoadHarness.num;

import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The results of one load run as a table, target checks, JSON and an SVG bar chart. */
final class Report {
  private final List<Map<String, Object>> runs;
  private final List<Map<String, Object>> samples;
  private final String machine;
  private final String date;
  private final int events;
  private final int warmup;
  private final int rounds;

  Report(List<Map<String, Object>> runs, List<Map<String, Object>> samples, String machine, String date,
      int events, int warmup, int rounds) {
    this.runs = runs;
    this.samples = samples;
    this.machine = machine;
    this.date = date;
    this.events = events;
    this.warmup = warmup;
    this.rounds = rounds;
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "| %-8s | %-26s | %10s | %13s | %8s | %8s | %6s |%n",
        "sink", "client", "events/s", "CPU us/event", "p50 ms", "p99 ms", "errors"));
    out.append("|----------|----------------------------|-----------:|--------------:|---------:|---------:|-------:|\n");
    for (Map<String, Object> run : runs) {
      out.append(String.format(Locale.ROOT, "| %-8s | %-26s | %10.0f | %13.1f | %8.2f | %8.2f | %6s |%n",
          run.get("sink"), run.get("client"), num(run, "events_per_s"), num(run, "cpu_us_per_event"),
          num(run, "p50_ms"), num(run, "p99_ms"), run.get("errors")));
    }
    return out.toString();
  }

  /** The targets, as ratios within this run on the same sink. */
  String targets() {
    StringBuilder out = new StringBuilder("Targets (ratios within this run, same sink):\n");
    for (String sink : runs.stream().map(r -> (String) r.get("sink")).distinct().toList()) {
      ratio(out, sink, "channels4j-blocking", "pusher-http-java-blocking", "events_per_s", ">=", 1.25);
      ratio(out, sink, "channels4j-blocking", "httpclient5-classic-floor", "cpu_us_per_event", "<=", 1.10);
      ratio(out, sink, "channels4j-async", "pusher-http-java-async", "events_per_s", ">=", 1.25);
      ratio(out, sink, "channels4j-async", "httpclient5-floor", "cpu_us_per_event", "<=", 1.10);
      ratio(out, sink, "channels4j-publisher", "pusher-http-java-async", "events_per_s", ">=", 5.0);
    }
    return out.toString();
  }

  private void ratio(StringBuilder out, String sink, String ours, String theirs, String metric, String op, double target) {
    Optional<Map<String, Object>> a = find(sink, ours);
    Optional<Map<String, Object>> b = find(sink, theirs);
    if (a.isEmpty() || b.isEmpty()) {
      return;
    }
    double ratio = num(a.get(), metric) / num(b.get(), metric);
    boolean met = op.equals(">=") ? ratio >= target : ratio <= target;
    out.append(String.format(Locale.ROOT, "  %-8s %-21s %-17s / %-27s = %5.2f  (target %s %.2f) %s%n",
        sink, ours, metric, theirs, ratio, op, target, met ? "MET" : "MISSED"));
  }

  private Optional<Map<String, Object>> find(String sink, String client) {
    return runs.stream().filter(r -> sink.equals(r.get("sink")) && client.equals(r.get("client"))).findFirst();
  }

  String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("date", date);
    root.put("machine", machine);
    root.put("events_per_client", events);
    root.put("warmup_events", warmup);
    root.put("rounds", rounds);
    root.put("runs", runs);
    root.put("samples", samples);
    return JacksonJsonCodecs.defaults().toJson(root) + "\n";
  }

  String svg() {
    int rowHeight = 22;
    int labelWidth = 300;
    int barWidth = 330;
    int top = 60;
    int height = top + runs.size() * rowHeight + 50;
    int width = labelWidth + 2 * (barWidth + 90);
    double maxRate = runs.stream().mapToDouble(r -> num(r, "events_per_s")).max().orElse(1);
    double maxCpu = runs.stream().mapToDouble(r -> num(r, "cpu_us_per_event")).max().orElse(1);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        width, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(text(10, 20, "channels4j load harness: " + events + " events per client, median of " + rounds
        + " rounds, " + date, "bold"));
    svg.append(text(labelWidth, 45, "events per second (higher is better)", "bold"));
    svg.append(text(labelWidth + barWidth + 90, 45, "client CPU µs per event (lower is better)", "bold"));
    for (int i = 0; i < runs.size(); i++) {
      Map<String, Object> run = runs.get(i);
      int y = top + i * rowHeight;
      String client = (String) run.get("client");
      String color = client.startsWith("channels4j") ? "#2b7bb9" : client.startsWith("pusher") ? "#d9822b" : "#888888";
      svg.append(text(10, y + 14, run.get("sink") + " · " + client, "normal"));
      double rate = num(run, "events_per_s");
      int w1 = (int) Math.max(1, rate / maxRate * barWidth);
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"%s\"/>%n",
          labelWidth, y + 2, w1, color));
      svg.append(text(labelWidth + w1 + 4, y + 14, String.format(Locale.ROOT, "%,.0f", rate), "normal"));
      double cpu = num(run, "cpu_us_per_event");
      int x2 = labelWidth + barWidth + 90;
      int w2 = (int) Math.max(1, cpu / maxCpu * barWidth);
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"%s\"/>%n",
          x2, y + 2, w2, color));
      svg.append(text(x2 + w2 + 4, y + 14, String.format(Locale.ROOT, "%.1f", cpu), "normal"));
    }
    svg.append(text(10, height - 15, machine, "normal"));
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static String text(int x, int y, String content, String weight) {
    String escaped = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"%s\">%s</text>%n", x, y, weight, escaped);
  }
}
