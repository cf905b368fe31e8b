package dev.channels4j.local;

import dev.channels4j.internal.socket.CloseCodes;
import dev.channels4j.local.internal.faults.FaultQueue;
import dev.channels4j.local.internal.http.ApiHandler;
import dev.channels4j.local.internal.state.AppRegistry;
import dev.channels4j.local.internal.state.AppState;
import dev.channels4j.local.internal.state.Counters;
import dev.channels4j.local.internal.state.ServerSettings;
import dev.channels4j.local.internal.webhook.WebhookDispatcher;
import dev.channels4j.local.internal.ws.PusherEndpoint;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty runtime behind {@link LocalServer}'s facade: the connector (plain or TLS), the
 * WebSocket upgrade, the HTTP API handler, the scheduler and its sweeps, the webhook dispatcher and
 * the apps' states. Built started by {@link #start}; {@link #close} stops all of it.
 */
final class ServerRuntime {
  private static final Logger LOG = LoggerFactory.getLogger("dev.channels4j.local");
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final Set<String> PROTOCOLS = Set.of("5", "6", "7");
  private static final long HTTP_IDLE_TIMEOUT_MILLIS = 30_000;
  private static final int SEND_BUFFER_BYTES = 64 * 1024;
  private static final long CACHE_SWEEP_MILLIS = 60_000;
  private static final long SUMMARY_MILLIS = 60_000;
  /** Longer than a publish may wait for the backlog (2 s), so a stopped reader is gone before publishers give up for long. */
  private static final long STALL_TIMEOUT_MILLIS = 5_000;
  /** Often enough that a connection is counted stalled soon after the stall grace (500 ms), even with nothing more sent to it. */
  private static final long STALL_SWEEP_MILLIS = 100;

  private final ServerConfig config;
  private final List<LocalApp> apps;
  private final Counters counters = new Counters();
  private Server server;
  private ServerConnector connector;
  private ScheduledThreadPoolExecutor scheduler;
  private WebhookDispatcher webhooks;
  private AppRegistry registry;

  private final FaultQueue faults;

  private ServerRuntime(ServerConfig config, List<LocalApp> apps, FaultQueue faults) {
    this.config = config;
    this.apps = apps;
    this.faults = faults;
  }

  /**
   * Binds the port and starts serving.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  static ServerRuntime start(ServerConfig config, List<LocalApp> apps, FaultQueue faults) {
    ServerRuntime runtime = new ServerRuntime(config, apps, faults);
    runtime.run();
    return runtime;
  }

  private void run() {
    String name = LocalServer.THREAD_PREFIX + INSTANCES.incrementAndGet();
    scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, name + "-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    webhooks = new WebhookDispatcher(scheduler, config.clock(), config.webhookRetryFor(), config.webhookInitialBackoff(),
        config.limits(), counters);
    ServerSettings settings = new ServerSettings(config.limits(), config.activityTimeout(), config.pongTimeout(),
        config.vacancyDelay(), config.cacheTtl(), config.clock(), config.ticker(), counters);
    List<AppState> states = new ArrayList<>();
    for (LocalApp app : apps) {
      states.add(new AppState(app, settings, webhooks, scheduler));
    }
    registry = new AppRegistry(states);

    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName(name);
    threads.setDaemon(true);
    server = new Server(threads, new ScheduledExecutorScheduler(name + "-jetty-scheduler", true), null);
    server.setStopTimeout(2000);
    // Jetty's own refusals (bad request line, 414, 431...) are plain text like ours.
    server.setErrorHandler(new PlainTextErrors());
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    // Channel names may hold ; @ , = which Jetty's default compliance treats as ambiguous.
    http.setUriCompliance(UriCompliance.LEGACY);
    if (config.tls() == null) {
      connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    } else {
      // HTTPS and WSS on the one port. No SNI host check: a client may name the server by an IP
      // or any alias the certificate covers, and names are the client's to verify.
      http.addCustomizer(new SecureRequestCustomizer(false));
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setSslContext(config.tls().serverContext());
      connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(tls, "http/1.1"),
          new HttpConnectionFactory(http));
    }
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setReuseAddress(true);
    // A peer that sends nothing (headers or body) for this long loses its connection; no thread
    // waits on it meanwhile, since bodies are read on demand. WebSocket connections get the
    // container's idle timeout instead once upgraded.
    connector.setIdleTimeout(HTTP_IDLE_TIMEOUT_MILLIS);
    // A modest kernel send buffer: what a slow reader has not taken stays in our outbox, where
    // it is counted (backpressure, 4100), instead of megabytes hidden in the socket.
    connector.setAcceptedSendBufferSize(SEND_BUFFER_BYTES);
    server.addConnector(connector);
    WebSocketUpgradeHandler websockets = WebSocketUpgradeHandler.from(server, container -> {
      container.setMaxTextMessageSize(config.limits().maxMessageBytes());
      container.setMaxBinaryMessageSize(config.limits().maxMessageBytes());
      // Our own sweep closes silent connections with 4201; Jetty's idle timeout is only a backstop.
      container.setIdleTimeout(config.activityTimeout().plus(config.pongTimeout()).multipliedBy(2));
      // Our outbox hands Jetty one batch at a time, so only text frames sent around it count
      // here; control frames (pongs, closes) never do: PusherEndpoint keeps one pong at a time.
      container.setMaxOutgoingFrames(4 * 256);
      // Our frames are whole messages of at most a few KB: no fragmenting stage on every frame.
      container.setAutoFragment(false);
      container.addMapping(new UriTemplatePathSpec("/app/{key}"), (request, response, callback) -> {
        // No permessage-deflate: compressing every frame for every subscriber costs more CPU
        // than the small messages of Channels save on loopback or a LAN.
        response.setExtensions(List.of());
        return endpoint(request, threads);
      });
    });
    websockets.setHandler(new ApiHandler(registry, config.clock(), config.limits(), counters, scheduler).faults(faults));
    server.setHandler(websockets);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly();
      if (e instanceof java.io.IOException io) {
        String hint = e.getCause() instanceof java.net.BindException || e instanceof java.net.BindException
            ? "; the port is taken: pick another with --port <n> (LocalServer.builder().port(n)), or 0 for a free one"
            : "";
        throw new UncheckedIOException(
            "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage() + hint, io);
      }
      throw new IllegalStateException("cannot start the local server: " + e.getMessage(), e);
    }
    long sweepMillis = Math.max(100, Math.min(config.activityTimeout().toMillis(), config.pongTimeout().toMillis()) / 2);
    scheduler.scheduleAtFixedRate(() -> registry.all().forEach(AppState::sweepIdle),
        sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    long cacheSweepMillis = Math.max(100, Math.min(CACHE_SWEEP_MILLIS, config.cacheTtl().toMillis()));
    scheduler.scheduleAtFixedRate(() -> registry.all().forEach(AppState::sweepCaches),
        cacheSweepMillis, cacheSweepMillis, TimeUnit.MILLISECONDS);
    scheduler.scheduleAtFixedRate(new Summary(), SUMMARY_MILLIS, SUMMARY_MILLIS, TimeUnit.MILLISECONDS);
    long stallNanos = STALL_TIMEOUT_MILLIS * 1_000_000;
    scheduler.scheduleAtFixedRate(() -> registry.all().forEach(app -> app.sweepStalled(stallNanos)),
        STALL_SWEEP_MILLIS, STALL_SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    LOG.info("channels4j local server listening on {}:{}; apps {}", config.host(), port(),
        apps.stream().map(LocalApp::id).toList());
  }

  private PusherEndpoint endpoint(Request request, java.util.concurrent.Executor executor) {
    String path = request.getHttpURI().getPath();
    String key = path.substring(path.lastIndexOf('/') + 1);
    AppState app = registry.byKey(key);
    if (app == null) {
      return PusherEndpoint.refuse(CloseCodes.APP_UNKNOWN, "App key " + key + " does not exist");
    }
    if (!app.app().enabled()) {
      return PusherEndpoint.refuse(CloseCodes.APP_DISABLED, "App " + app.app().id() + " is disabled");
    }
    Fields query = Request.extractQueryParameters(request);
    String protocol = query.getValue("protocol");
    if (protocol == null) {
      return PusherEndpoint.refuse(CloseCodes.NO_PROTOCOL, "No protocol version supplied: connect to /app/<key>?protocol=7");
    }
    if (!PROTOCOLS.contains(protocol)) {
      return PusherEndpoint.refuse(CloseCodes.UNSUPPORTED_PROTOCOL, "Unsupported protocol version " + protocol + ": use 7 (5 and 6 are accepted)");
    }
    return PusherEndpoint.accept(app, executor);
  }

  int port() {
    return connector.getLocalPort();
  }

  WebhookDispatcher webhooks() {
    return webhooks;
  }

  AppRegistry registry() {
    return registry;
  }

  ServerStats stats() {
    int open = registry.all().stream().mapToInt(AppState::connectionCount).sum();
    return new ServerStats(open, counters.queuedDeliveries.get(), counters.closedOverCapacity.sum(),
        counters.publishesDelayed.sum(), counters.publishesRefused.sum(), counters.cacheEvictions.sum(),
        counters.acceptedEventsDropped.sum(), counters.webhooksDropped.sum());
  }

  /**
   * The INFO summary of connections (per-connection lines are DEBUG): logged every minute in which
   * something changed.
   */
  private final class Summary implements Runnable {
    private long opened;
    private long closed;
    private long overCapacity;
    private long refused;
    private long webhooksDropped;

    @Override
    public void run() {
      long nowOpened = counters.connectionsOpened.sum();
      long nowClosed = counters.connectionsClosed.sum();
      long nowOver = counters.closedOverCapacity.sum();
      long nowRefused = counters.publishesRefused.sum();
      long nowDropped = counters.webhooksDropped.sum();
      if (nowOpened == opened && nowClosed == closed && nowRefused == refused && nowDropped == webhooksDropped) {
        return;
      }
      int open = registry.all().stream().mapToInt(AppState::connectionCount).sum();
      LOG.info(LocalServer.summaryLine(open, nowOpened - opened, nowClosed - closed, nowOver - overCapacity,
          nowRefused - refused, nowDropped - webhooksDropped));
      opened = nowOpened;
      closed = nowClosed;
      overCapacity = nowOver;
      refused = nowRefused;
      webhooksDropped = nowDropped;
    }
  }

  /** Jetty's own error answers (400, 414, 431...) as plain text, like the API's. */
  private static final class PlainTextErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, org.eclipse.jetty.server.Response response, int code, String message,
        Throwable cause, org.eclipse.jetty.util.Callback callback) {
      String reason = message == null || message.isBlank() ? org.eclipse.jetty.http.HttpStatus.getMessage(code) : message;
      response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      response.write(true, java.nio.ByteBuffer.wrap((code + " " + reason + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          callback);
    }
  }

  /** Closes every connection with 4200, then stops serving, every thread, and frees the port. */
  void close() {
    if (registry != null) {
      registry.all().forEach(app -> app.closeAll(CloseCodes.RECONNECT, "Server is shutting down"));
      // Each close goes out after what its connection has queued (the pusher:error saying why);
      // give those a moment to reach Jetty before it stops.
      long deadline = System.nanoTime() + 1_000_000_000L;
      while (counters.pendingCloses.get() > 0 && System.nanoTime() < deadline) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    stopQuietly();
    LOG.info("channels4j local server stopped");
  }

  private void stopQuietly() {
    if (webhooks != null) {
      webhooks.close();
    }
    try {
      if (server != null) {
        server.stop();
      }
    } catch (Exception e) {
      LOG.warn("error while stopping the local server", e);
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

}
