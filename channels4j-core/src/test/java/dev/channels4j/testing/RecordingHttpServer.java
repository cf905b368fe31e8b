package dev.channels4j.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on {@code 127.0.0.1:<ephemeral>} that records every request exactly as it
 * arrived (method, raw path, raw query, headers, body bytes) and answers scripted responses in
 * order, then a default response once the script runs out.
 *
 * <pre>{@code
 * try (RecordingHttpServer server = RecordingHttpServer.start()) {
 *   server.enqueue(Reply.status(503), Reply.json("{}"));
 *   ... client.host("127.0.0.1").port(server.port()).useTls(false) ...
 *   server.requests().get(0).rawQuery();
 * }
 * }</pre>
 */
public final class RecordingHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private volatile Reply fallback = Reply.json("{}");
  /** Released by {@link #close()}: ends the wait of delayed replies. */
  private final CountDownLatch closing = new CountDownLatch(1);

  private RecordingHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server on 127.0.0.1 and an ephemeral port; default answer 200 {@code {}}. */
  public static RecordingHttpServer start() {
    return start(0);
  }

  /** Starts a server on 127.0.0.1 and the given port (0: ephemeral), e.g. to restart one on its old port. */
  public static RecordingHttpServer start(int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
      ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "recording-http-server");
        thread.setDaemon(true);
        return thread;
      });
      RecordingHttpServer recording = new RecordingHttpServer(server, executor);
      server.createContext("/", recording::handle);
      server.setExecutor(executor);
      server.start();
      return recording;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the test HTTP server", e);
    }
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Answers the next requests with these replies, in order. */
  public RecordingHttpServer enqueue(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /** The reply once the script is used up. */
  public RecordingHttpServer otherwise(Reply reply) {
    this.fallback = reply;
    return this;
  }

  /** Every request received so far, in arrival order. */
  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** The only request received; fails when there were none or several. */
  public Recorded onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + requests.size() + ": " + requests);
    }
    return requests.get(0);
  }

  public int requestCount() {
    return requests.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    requests.add(new Recorded(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        headers,
        body));
    Reply reply = Optional.ofNullable(script.poll()).orElse(fallback);
    if (!reply.delay().isZero()) {
      // A slow peer: the answer is held for the delay, or until the server closes, whichever is first.
      try {
        if (closing.await(reply.delay().toNanos(), TimeUnit.NANOSECONDS)) {
          exchange.close();
          return;
        }
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        exchange.close();
        return;
      }
    }
    if (reply.closeWithoutResponse()) {
      // Closing an exchange before its headers were sent closes the connection with no response.
      exchange.close();
      return;
    }
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    if (reply.trickle()) {
      trickle(exchange, reply);
      return;
    }
    byte[] out = reply.body();
    exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  /** Sends the status at once, then one body byte every 100 ms for as long as the reply's trickle lasts. */
  private static void trickle(HttpExchange exchange, Reply reply) throws IOException {
    exchange.sendResponseHeaders(reply.status(), 0);
    long until = System.nanoTime() + reply.trickleFor().toNanos();
    try (OutputStream os = exchange.getResponseBody()) {
      while (System.nanoTime() < until) {
        os.write(' ');
        os.flush();
        // The trickle's pace is the fault under test: only real time between bytes keeps a per-read
        // timeout from firing, so that only the whole-exchange deadline can end the exchange.
        Thread.sleep(100);
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } catch (IOException clientWentAway) {
      // The client gave up on the response: what a trickle is for.
    }
  }

  @Override
  public void close() {
    server.stop(0);
    closing.countDown();
    executor.shutdownNow();
  }

  /** One request as it arrived. Header names are matched case-insensitively. */
  public record Recorded(
      String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header, or null. */
    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The query parameters with their values percent-decoded, in wire order. */
    public Map<String, String> query() {
      Map<String, String> params = new LinkedHashMap<>();
      if (rawQuery == null || rawQuery.isEmpty()) {
        return params;
      }
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
      return params;
    }

    /** The raw (still percent-encoded) value of one query parameter, or null. */
    public String rawQueryValue(String name) {
      if (rawQuery == null) {
        return null;
      }
      for (String pair : rawQuery.split("&")) {
        if (pair.startsWith(name + "=")) {
          return pair.substring(name.length() + 1);
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
    }
  }

  /** A scripted response. */
  public record Reply(
      int status, Map<String, String> headers, byte[] body, Duration delay, boolean closeWithoutResponse,
      Duration trickleFor) {

    public Reply(int status, Map<String, String> headers, byte[] body, Duration delay, boolean closeWithoutResponse) {
      this(status, headers, body, delay, closeWithoutResponse, Duration.ZERO);
    }

    /** Whether the body is sent a byte at a time, keeping the connection busy without finishing. */
    public boolean trickle() {
      return !trickleFor.isZero();
    }

    /** A 200 whose body never ends within {@code total}: one space every 100 ms. */
    public static Reply trickling(Duration total) {
      return new Reply(200, Map.of(), new byte[0], Duration.ZERO, false, total);
    }


    public static Reply json(String body) {
      return new Reply(200, Map.of("Content-Type", "application/json"), utf8(body), Duration.ZERO, false);
    }

    public static Reply status(int status) {
      return new Reply(status, Map.of(), new byte[0], Duration.ZERO, false);
    }

    /** A response with a plain-text body, as Pusher sends its errors. */
    public static Reply text(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "text/plain"), utf8(body), Duration.ZERO, false);
    }

    /** Closes the connection after reading the request, without any response. */
    public static Reply hangUp() {
      return new Reply(0, Map.of(), new byte[0], Duration.ZERO, true);
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, more, body, delay, closeWithoutResponse);
    }

    /** Waits this long before answering (less if the server closes first). */
    public Reply after(Duration wait) {
      return new Reply(status, headers, body, wait, closeWithoutResponse);
    }

    private static byte[] utf8(String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
  }
}
