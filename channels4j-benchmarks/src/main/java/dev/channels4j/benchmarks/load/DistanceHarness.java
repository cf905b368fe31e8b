package dev.channels4j.benchmarks.load;

import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.testsupport.network.NetworkProxy;
import dev.channels4j.testsupport.network.ProxyStats;
import dev.channels4j.testsupport.network.SelfSignedCertificate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The at-distance benchmark of issue 18: every client publishes through a {@link NetworkProxy}
 * adding each round-trip time to one HTTPS sink (the minimal sink over TLS, a self-signed
 * certificate made for the run), in interleaved rounds (each round runs every RTT and, within it,
 * every client, each in a fresh JVM). Records events/s, CPU per event, latency, and over the
 * measured part of each run the connections the proxy saw opened and the TLS handshakes the sink
 * completed. Writes {@code distance.json} and {@code distance.txt}.
 */
public final class DistanceHarness {
  static final List<String> CLIENTS = List.of(
      "channels4j-blocking", "channels4j-async", "channels4j-publisher", "channels4j-publisher-tuned",
      "pusher-http-java-blocking", "pusher-http-java-async", "httpclient5-floor");
  private static final String USAGE = "usage: distance [--rtt 0,20,80] [--jitter MS] [--rounds N] [--warmup-seconds S]"
      + " [--seconds S] [--clients a,b] [--tls true|false] [--out DIR]";

  private DistanceHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    List<Integer> rtts = Arrays.stream(options.getOrDefault("rtt", "0,20,80").split(",")).map(Integer::valueOf).toList();
    int jitter = Integer.parseInt(options.getOrDefault("jitter", "0"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    String warmup = options.getOrDefault("warmup-seconds", "4");
    String seconds = options.getOrDefault("seconds", "4");
    boolean tls = Boolean.parseBoolean(options.getOrDefault("tls", "true"));
    List<String> clients = options.containsKey("clients") ? Arrays.asList(options.get("clients").split(",")) : CLIENTS;
    Path out = Paths.get(options.getOrDefault("out", "channels4j-benchmarks/target"));
    Path tlsDir = out.resolve("tls");
    if (tls) {
      SelfSignedCertificate.generate(tlsDir);
    }
    String machine = Machine.describe();
    String channels4jTrust = "ChannelsClient.Builder.sslContext";
    System.out.println("channels4j distance benchmark: RTT " + rtts + " ms (jitter " + jitter + " ms), "
        + (tls ? "HTTPS" : "HTTP") + ", " + rounds + " interleaved rounds, warm-up " + warmup + " s, measured " + seconds
        + " s per client, " + Workload.CHANNELS + " channels; channels4j trusts the sink through " + channels4jTrust
        + "; " + machine);
    List<String> sinkCommand = new ArrayList<>(List.of("sink", "minimal"));
    if (tls) {
      sinkCommand.addAll(List.of("--tls", tlsDir.toString()));
    }
    Process sink = start(List.of(), sinkCommand);
    // Killed mid-run (Ctrl-C, SIGTERM), the harness takes its sink and client processes with it.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
    List<NetworkProxy> proxies = new ArrayList<>();
    List<Map<String, Object>> samples = new ArrayList<>();
    try {
      BufferedReader sinkOut = reader(sink);
      Writer sinkIn = writer(sink);
      int port = Integer.parseInt(awaitLine(sinkOut, "PORT ").trim());
      warmSink(port, tls ? SelfSignedCertificate.existing(tlsDir) : null);
      for (int rtt : rtts) {
        proxies.add(NetworkProxy.builder(new InetSocketAddress("127.0.0.1", port))
            .rtt(Duration.ofMillis(rtt)).jitter(Duration.ofMillis(jitter)).build());
      }
      for (int round = 1; round <= rounds; round++) {
        for (int r = 0; r < rtts.size(); r++) {
          for (String client : clients) {
            Map<String, Object> result = runClient(client, proxies.get(r), sinkIn, sinkOut, tls ? tlsDir : null, warmup, seconds);
            result.put("rtt_ms", rtts.get(r));
            result.put("round", round);
            samples.add(result);
            System.out.printf(Locale.ROOT, "  round %d RTT %3d ms %-28s %9.0f ev/s %8.1f us/ev  p50 %7.2f ms  p99 %7.2f ms"
                    + "  connections %s (run %s)  handshakes %s (run %s)  errors %s%n",
                round, rtts.get(r), client, num(result, "events_per_s"), num(result, "cpu_us_per_event"),
                num(result, "p50_ms"), num(result, "p99_ms"), result.get("connections"), result.get("connections_run"),
                result.get("handshakes"), result.get("handshakes_run"), result.get("errors"));
          }
        }
      }
    } finally {
      proxies.forEach(NetworkProxy::close);
      sink.destroy();
      sink.waitFor(10, TimeUnit.SECONDS);
    }
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("date", Instant.now().toString());
    run.put("machine", machine);
    run.put("tls", tls);
    run.put("rtt_ms", rtts);
    run.put("jitter_ms", jitter);
    run.put("rounds", rounds);
    run.put("warmup_seconds", Double.parseDouble(warmup));
    run.put("measured_seconds", Double.parseDouble(seconds));
    run.put("channels4j_trust", channels4jTrust);
    DistanceReport report = new DistanceReport(rtts, clients, samples);
    run.put("medians", report.medians());
    run.put("samples", samples);
    String text = report.tables();
    System.out.println();
    System.out.println(text);
    Files.createDirectories(out);
    Files.writeString(out.resolve("distance.json"), JacksonJsonCodecs.defaults().toJson(run) + "\n", StandardCharsets.UTF_8);
    Files.writeString(out.resolve("distance.txt"), text, StandardCharsets.UTF_8);
    System.out.println("wrote " + out.resolve("distance.json") + " and " + out.resolve("distance.txt"));
  }

  private static Map<String, Object> runClient(String client, NetworkProxy proxy, Writer sinkIn, BufferedReader sinkOut,
      Path tlsDir, String warmup, String seconds) throws Exception {
    List<String> jvm = List.of();
    long[] sinkBefore = sinkStats(sinkIn, sinkOut);
    ProxyStats proxyBefore = proxy.stats();
    Process process = start(jvm, List.of("distance-client", client, Integer.toString(proxy.port()),
        tlsDir == null ? "-" : tlsDir.toString(), warmup, seconds));
    BufferedReader in = reader(process);
    Writer toClient = writer(process);
    long[] sinkStart = null;
    long[] sinkEnd = null;
    ProxyStats proxyStart = null;
    ProxyStats proxyEnd = null;
    String resultLine = null;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.equals("MEASURE")) {
        proxyStart = proxy.stats();
        sinkStart = sinkStats(sinkIn, sinkOut);
        go(toClient);
      } else if (line.equals("MEASURED")) {
        proxyEnd = proxy.stats();
        sinkEnd = sinkStats(sinkIn, sinkOut);
        go(toClient);
      } else if (line.startsWith("RESULT ")) {
        resultLine = line.substring("RESULT ".length());
      }
    }
    if (!process.waitFor(5, TimeUnit.MINUTES) || resultLine == null || proxyEnd == null) {
      process.destroyForcibly();
      throw new IllegalStateException("client " + client + " produced no result (exit " + process.exitValue() + ")");
    }
    long[] sinkAfter = sinkStats(sinkIn, sinkOut);
    ProxyStats proxyAfter = proxy.stats();
    @SuppressWarnings("unchecked")
    Map<String, Object> result = new LinkedHashMap<>((Map<String, Object>) JacksonJsonCodecs.defaults().parse(resultLine));
    result.put("connections", proxyEnd.connectionsOpened() - proxyStart.connectionsOpened());
    result.put("handshakes", sinkEnd[1] - sinkStart[1]);
    result.put("connections_run", proxyAfter.connectionsOpened() - proxyBefore.connectionsOpened());
    result.put("handshakes_run", sinkAfter[1] - sinkBefore[1]);
    return result;
  }

  /**
   * Handshakes and requests against the fresh sink before any client runs, so that the first client
   * measured does not pay for the sink's JIT and TLS initialisation (its first handshakes took over
   * 5 s on a loaded machine).
   */
  private static void warmSink(int port, SelfSignedCertificate tls) throws Exception {
    URI uri = URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port + "/apps/" + Workload.APP_ID + "/events");
    for (int connection = 0; connection < 50; connection++) {
      HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
      if (tls != null) {
        builder.sslContext(tls.clientContext());
      }
      HttpClient http = builder.build();
      for (int request = 0; request < 20; request++) {
        http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
      }
    }
  }

  private static void go(Writer toClient) throws IOException {
    toClient.write("GO\n");
    toClient.flush();
  }

  /** The sink's connections and TLS handshakes so far. */
  private static long[] sinkStats(Writer sinkIn, BufferedReader sinkOut) throws IOException {
    sinkIn.write("STATS\n");
    sinkIn.flush();
    String[] fields = awaitLine(sinkOut, "STATS ").trim().split(" ");
    return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
  }

  private static String awaitLine(BufferedReader reader, String prefix) throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length());
      }
    }
    throw new IllegalStateException("the sink exited before printing " + prefix.trim());
  }

  private static Process start(List<String> jvmOptions, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms1g");
    command.add("-Xmx1g");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.channels4j.benchmarks.Main");
    command.addAll(args);
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static Writer writer(Process process) {
    return new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  static double num(Map<String, Object> run, String key) {
    return ((Number) run.get(key)).doubleValue();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(USAGE + "; got " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
