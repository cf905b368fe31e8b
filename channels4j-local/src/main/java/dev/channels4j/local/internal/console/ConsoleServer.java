package dev.channels4j.local.internal.console;

import dev.channels4j.local.Faults;
import dev.channels4j.local.internal.state.AppRegistry;
import dev.channels4j.local.internal.webhook.WebhookDispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The debug console on its own port: the page ({@code /console}, static files from the jar), its
 * live stream ({@code /console/api/events}, Server-Sent Events), the state it draws
 * ({@code /console/api/state}) and its two actions ({@code POST /console/api/publish},
 * {@code POST /console/api/faults}). Nothing else is served; nothing runs when it is off.
 * The actions need the header {@code X-Channels4j-Console: 1}, which a cross-site form cannot send.
 */
public final class ConsoleServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("dev.channels4j.local.console");
  /** Pages streaming at once; one more is answered 503. */
  static final int MAX_STREAMS = 8;
  static final long STATE_PUSH_MILLIS = 500;
  static final long HEARTBEAT_MILLIS = 15_000;
  static final String ACTION_HEADER = "X-Channels4j-Console";
  private static final Map<String, String> FILES = Map.of(
      "/console", "index.html", "/console/", "index.html",
      "/console/console.js", "console.js", "/console/console.css", "console.css");

  private final ConsoleLog log = new ConsoleLog();
  private final ConsoleState state;
  private final ConsoleActions actions;
  private Server server;
  private ServerConnector connector;
  private ScheduledThreadPoolExecutor timer;
  private volatile String lastState = "";
  private String bindHost;

  private ConsoleServer(AppRegistry registry, Faults faults, int maxDataBytes) {
    this.state = new ConsoleState(registry, faults);
    this.actions = new ConsoleActions(registry, faults, log, maxDataBytes);
  }

  /** Starts the console on host:port (0 for a free port) and taps the apps and webhooks. */
  public static ConsoleServer start(String name, String host, int port, AppRegistry registry,
      WebhookDispatcher webhooks, Faults faults, int maxDataBytes) {
    ConsoleServer console = new ConsoleServer(registry, faults, maxDataBytes);
    console.run(name, host, port);
    registry.all().forEach(app -> app.tap(console.log));
    webhooks.tap(console.log);
    return console;
  }

  private void run(String name, String host, int port) {
    bindHost = host;
    QueuedThreadPool threads = new QueuedThreadPool(MAX_STREAMS + 8, 2);
    threads.setName(name + "-console");
    threads.setDaemon(true);
    server = new Server(threads, new ScheduledExecutorScheduler(name + "-console-scheduler", true), null);
    server.setStopTimeout(1000);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setReuseAddress(true);
    server.addConnector(connector);
    server.setHandler(new Routes());
    timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, name + "-console-timer");
      thread.setDaemon(true);
      return thread;
    });
    try {
      server.start();
    } catch (Exception e) {
      close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot listen on " + host + ":" + port + " for the console: " + e.getMessage()
            + "; pick another console port, or 0 for a free one", io);
      }
      throw new IllegalStateException("cannot start the console: " + e.getMessage(), e);
    }
    timer.scheduleWithFixedDelay(this::pushState, STATE_PUSH_MILLIS, STATE_PUSH_MILLIS, TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(() -> log.streams().forEach(s -> s.comment("keep-alive")),
        HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Sends the state to every page when it changed since the last push. */
  private void pushState() {
    try {
      if (log.streams().isEmpty()) {
        return;
      }
      String now = state.json();
      if (!now.equals(lastState)) {
        lastState = now;
        log.streams().forEach(s -> s.offer("state", now));
      }
    } catch (RuntimeException e) {
      LOG.warn("console: cannot draw the state", e);
    }
  }

  public int port() {
    return connector.getLocalPort();
  }

  public URI uri(String clientHost) {
    return URI.create("http://" + clientHost + ":" + port() + "/console");
  }

  @Override
  public void close() {
    log.streams().forEach(s -> s.end(new IOException("console stopped")));
    if (timer != null) {
      timer.shutdownNow();
    }
    try {
      if (server != null) {
        server.stop();
      }
    } catch (Exception e) {
      LOG.warn("error while stopping the console", e);
    }
  }

  private final class Routes extends Handler.Abstract {
    Routes() {
      super(InvocationType.BLOCKING);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = request.getHttpURI().getPath();
      String method = request.getMethod();
      if (!hostAllowed(Request.getServerName(request))) {
        // A page of another site whose name was rebound to 127.0.0.1 must not drive the console.
        answer(response, callback, 421, "text/plain; charset=utf-8",
            "Misdirected Request: open the console as http://127.0.0.1:" + port() + "/console or via localhost\n");
        return true;
      }
      String file = FILES.get(path);
      if (file != null && "GET".equals(method)) {
        serveFile(file, response, callback);
      } else if ("/console/api/state".equals(path) && "GET".equals(method)) {
        answer(response, callback, 200, "application/json", state.json());
      } else if ("/console/api/events".equals(path) && "GET".equals(method)) {
        stream(response, callback);
      } else if (path.startsWith("/console/api/") && "POST".equals(method)) {
        if (!"1".equals(request.getHeaders().get(ACTION_HEADER))) {
          answer(response, callback, 403, "text/plain; charset=utf-8",
              "Forbidden: console actions need the header " + ACTION_HEADER + ": 1\n");
          return true;
        }
        ConsoleActions.Result result = actions.handle(path, request);
        answer(response, callback, result.status(), "application/json", result.json());
      } else {
        answer(response, callback, 404, "text/plain; charset=utf-8", "Not found: " + path + "\n");
      }
      return true;
    }
  }

  private void stream(Response response, Callback callback) {
    if (log.streams().size() >= MAX_STREAMS) {
      answer(response, callback, 503, "text/plain; charset=utf-8",
          "Service Unavailable: " + MAX_STREAMS + " console pages are already open; close one\n");
      return;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    SseStream[] self = new SseStream[1];
    self[0] = new SseStream(response, callback, () -> log.streams().remove(self[0]));
    // The snapshot first, then live entries: one that lands in between may show twice (ids tell).
    log.streams().add(self[0]);
    self[0].comment("channels4j console");
    log.snapshot().forEach(json -> self[0].offer("log", json));
    self[0].offer("state", state.json());
  }

  private static void serveFile(String file, Response response, Callback callback) throws IOException {
    try (InputStream in = ConsoleServer.class.getResourceAsStream("/dev/channels4j/local/console/" + file)) {
      if (in == null) {
        answer(response, callback, 500, "text/plain; charset=utf-8", "console file missing from the jar: " + file + "\n");
        return;
      }
      String type = file.endsWith(".html") ? "text/html; charset=utf-8"
          : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      response.write(true, ByteBuffer.wrap(in.readAllBytes()), callback);
    }
  }

  /** Loopback names and the bound host; any name when bound to every interface. */
  private boolean hostAllowed(String name) {
    if ("0.0.0.0".equals(bindHost) || "::".equals(bindHost)) {
      return true;
    }
    String host = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1")
        || host.equalsIgnoreCase(bindHost);
  }

  static void answer(Response response, Callback callback, int status, String type, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
