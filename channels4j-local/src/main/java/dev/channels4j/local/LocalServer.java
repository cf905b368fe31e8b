package dev.channels4j.local;

import dev.channels4j.ChannelsClient;
import dev.channels4j.internal.url.PusherUrl;
import dev.channels4j.local.internal.faults.FaultQueue;
import dev.channels4j.local.internal.http.ApiHandler;
import dev.channels4j.local.internal.state.AppRegistry;
import dev.channels4j.local.internal.state.AppState;
import dev.channels4j.local.internal.state.Counters;
import dev.channels4j.local.internal.state.ServerSettings;
import dev.channels4j.local.internal.webhook.WebhookDispatcher;
import dev.channels4j.local.internal.ws.PusherEndpoint;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Pusher-compatible server for development and tests: the Channels HTTP API and the WebSocket
 * protocol (7; 5 and 6 too) on one port, strict where Pusher is strict, with no account and no
 * network. Serves {@link LocalApp#defaults() app-id / app-key / app-secret} unless told otherwise.
 *
 * <pre>{@code
 * try (LocalServer server = LocalServer.builder().port(0).clientEvents(true).build().start()) {
 *   ChannelsClient client = ChannelsClient.fromUrl(server.pusherUrl());
 *   client.trigger("orders", "created", Map.of("id", 42));
 *   assertThat(server.acceptedEvents()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} closes every connection (code 4200), stops the threads and frees the port.
 */
public final class LocalServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("dev.channels4j.local");
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  /** The prefix of every thread a server starts; tests look for leaks by it. */
  public static final String THREAD_PREFIX = "channels4j-local-";
  private static final Set<String> PROTOCOLS = Set.of("5", "6", "7");
  private static final long HTTP_IDLE_TIMEOUT_MILLIS = 30_000;
  private static final int SEND_BUFFER_BYTES = 64 * 1024;
  private static final long CACHE_SWEEP_MILLIS = 60_000;
  private static final long SUMMARY_MILLIS = 60_000;
  /** Longer than a publish may wait for the backlog (2 s), so a stopped reader is gone before publishers give up for long. */
  private static final long STALL_TIMEOUT_MILLIS = 5_000;
  private static final long STALL_SWEEP_MILLIS = 500;

  private final Config config;
  private final LocalApp defaultApp;
  private final List<LocalApp> apps;
  private final Object lifecycle = new Object();
  private Server server;
  private ServerConnector connector;
  private ScheduledThreadPoolExecutor scheduler;
  private WebhookDispatcher webhooks;
  private AppRegistry registry;
  private final Counters counters = new Counters();
  private final FaultQueue faultQueue = new FaultQueue();
  private boolean started;
  private boolean closed;

  private LocalServer(Config config, LocalApp defaultApp, List<LocalApp> apps) {
    this.config = config;
    this.defaultApp = defaultApp;
    this.apps = apps;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving; returns this server.
   *
   * @throws IllegalStateException when already started or closed
   * @throws UncheckedIOException when the port cannot be bound
   */
  public LocalServer start() {
    synchronized (lifecycle) {
      if (started || closed) {
        throw new IllegalStateException("a LocalServer starts once; build a new one to start again");
      }
      started = true;
      String name = THREAD_PREFIX + INSTANCES.incrementAndGet();
      scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, name + "-scheduler");
        thread.setDaemon(true);
        return thread;
      });
      scheduler.setRemoveOnCancelPolicy(true);
      webhooks = new WebhookDispatcher(scheduler, config.clock(), config.webhookRetryFor(), config.webhookInitialBackoff(),
          config.limits(), counters);
      ServerSettings settings = new ServerSettings(config.limits(), config.activityTimeout(), config.pongTimeout(),
          config.vacancyDelay(), config.cacheTtl(), config.clock(), counters);
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
      connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
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
      websockets.setHandler(new ApiHandler(registry, config.clock(), config.limits(), counters, scheduler).faults(faultQueue));
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
      return this;
    }
  }

  private PusherEndpoint endpoint(Request request, java.util.concurrent.Executor executor) {
    String path = request.getHttpURI().getPath();
    String key = path.substring(path.lastIndexOf('/') + 1);
    AppState app = registry.byKey(key);
    if (app == null) {
      return PusherEndpoint.refuse(4001, "App key " + key + " does not exist");
    }
    if (!app.app().enabled()) {
      return PusherEndpoint.refuse(4003, "App " + app.app().id() + " is disabled");
    }
    Fields query = Request.extractQueryParameters(request);
    String protocol = query.getValue("protocol");
    if (protocol == null) {
      return PusherEndpoint.refuse(4008, "No protocol version supplied: connect to /app/<key>?protocol=7");
    }
    if (!PROTOCOLS.contains(protocol)) {
      return PusherEndpoint.refuse(4007, "Unsupported protocol version " + protocol + ": use 7 (5 and 6 are accepted)");
    }
    return PusherEndpoint.accept(app, executor);
  }

  /** The port the server listens on (the bound one when built with port 0). */
  public int port() {
    synchronized (lifecycle) {
      if (!started || connector == null) {
        throw new IllegalStateException("the server is not started; call start() first");
      }
      return connector.getLocalPort();
    }
  }

  /** The host the server is bound to. */
  public String host() {
    return config.host();
  }

  /** {@code http://key:secret@host:port/apps/id} of the default app: the value of PUSHER_URL. */
  public String pusherUrl() {
    return pusherUrl(defaultApp.id());
  }

  /** {@code http://key:secret@host:port/apps/id} of an app. */
  public String pusherUrl(String appId) {
    LocalApp app = state(appId).app();
    return new PusherUrl(false, app.key(), app.secret(), clientHost(), port(), app.id()).format();
  }

  /** {@code ws://host:port/app/<key>?protocol=7} of the default app. */
  public URI webSocketUri() {
    return webSocketUri(defaultApp.id());
  }

  /** {@code ws://host:port/app/<key>?protocol=7} of an app. */
  public URI webSocketUri(String appId) {
    return URI.create("ws://" + clientHost() + ":" + port() + "/app/" + state(appId).app().key() + "?protocol=7");
  }

  /** A new client of the default app, for this server; the caller closes it. */
  public ChannelsClient newClient() {
    return newClient(defaultApp.id());
  }

  /** A new client of an app, for this server; the caller closes it. */
  public ChannelsClient newClient(String appId) {
    LocalApp app = state(appId).app();
    return ChannelsClient.builder().appId(app.id()).key(app.key()).secret(app.secret())
        .host(clientHost()).port(port()).useTls(false).build();
  }

  /** The default app's settings. */
  public LocalApp defaultApp() {
    return defaultApp;
  }

  /** Every app served, the default one first. */
  public List<LocalApp> apps() {
    return apps;
  }

  /** A view of the default app's state. */
  public AppView app() {
    return app(defaultApp.id());
  }

  /** A view of an app's state. */
  public AppView app(String appId) {
    return new AppView(state(appId));
  }

  /** Events the default app accepted, oldest first. */
  public List<AcceptedEvent> acceptedEvents() {
    return app().acceptedEvents();
  }

  /** Occupied channels of the default app. */
  public Set<String> channels() {
    return app().channels();
  }

  /** Members of a presence channel of the default app: user id → user info. */
  public Map<String, Object> members(String presenceChannel) {
    return app().members(presenceChannel);
  }

  private AppState state(String appId) {
    synchronized (lifecycle) {
      if (registry == null) {
        throw new IllegalStateException("the server is not started; call start() first");
      }
    }
    AppState state = registry.byId(appId);
    if (state == null) {
      throw new IllegalArgumentException("no app with id " + appId + " on this server");
    }
    return state;
  }

  private String clientHost() {
    return "0.0.0.0".equals(config.host()) || "::".equals(config.host()) ? "127.0.0.1" : config.host();
  }

  /**
   * Failures on demand: the next API requests answer an error, late, or not at all; WebSocket
   * connections dropped with a chosen code. See {@link Faults}.
   */
  public Faults faults() {
    return new Faults(faultQueue, null, (socketId, code) -> {
      synchronized (lifecycle) {
        if (registry == null || closed) {
          throw new IllegalStateException("the server is not running; start() it before dropping connections");
        }
      }
      String reason = "Connection dropped by an injected fault";
      return registry.all().stream().mapToInt(app -> app.drop(socketId, code, reason)).sum();
    });
  }

  /** What the server's bounds have counted so far, all apps together. */
  public ServerStats stats() {
    synchronized (lifecycle) {
      if (registry == null) {
        throw new IllegalStateException("the server is not started; call start() first");
      }
    }
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
      LOG.info("connections: {} open, {} opened and {} closed in the last minute ({} for not reading: 4100);"
              + " publishes refused with 429: {}; webhooks dropped: {}",
          open, nowOpened - opened, nowClosed - closed, nowOver - overCapacity, nowRefused - refused,
          nowDropped - webhooksDropped);
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

  /** Closes every connection with 4200, stops serving, stops every thread and frees the port. Idempotent. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      if (!started) {
        return;
      }
      if (registry != null) {
        registry.all().forEach(app -> app.closeAll(4200, "Server is shutting down"));
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

  @Override
  public String toString() {
    return "LocalServer[" + config.host() + ":" + (started && !closed ? port() : config.port()) + ", apps=" + apps + "]";
  }

  private record Config(
      String host, int port, Limits limits, Duration activityTimeout, Duration pongTimeout, Duration vacancyDelay, Duration cacheTtl,
      Duration webhookRetryFor, Duration webhookInitialBackoff, Clock clock) {}

  /**
   * Configures a {@link LocalServer}. The default app's credentials and switches are set directly
   * ({@link #appId}, {@link #clientEvents}, ...); more apps with {@link #app(LocalApp)}.
   */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 6001;
    private final LocalApp.Builder defaultApp = LocalApp.builder();
    private final List<LocalApp> extraApps = new ArrayList<>();
    private Limits limits = Limits.pusher();
    private Duration activityTimeout = Duration.ofSeconds(120);
    private Duration pongTimeout = Duration.ofSeconds(30);
    private Duration vacancyDelay = Duration.ZERO;
    private Duration cacheTtl = Duration.ofMinutes(30);
    private Duration webhookRetryFor = Duration.ofMinutes(5);
    private Duration webhookInitialBackoff = Duration.ofSeconds(1);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The address to bind; 127.0.0.1 by default. */
    public Builder host(String host) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host must not be empty; use 127.0.0.1, or 0.0.0.0 for every interface");
      }
      this.host = host;
      return this;
    }

    /** The port; 6001 by default, 0 for a free one (read it back with {@link LocalServer#port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** The default app's id; {@code app-id} by default. */
    public Builder appId(String id) {
      defaultApp.id(id);
      return this;
    }

    /** The default app's key; {@code app-key} by default. */
    public Builder key(String key) {
      defaultApp.key(key);
      return this;
    }

    /** The default app's secret; {@code app-secret} by default. */
    public Builder secret(String secret) {
      defaultApp.secret(secret);
      return this;
    }

    /** Allow client events on the default app. */
    public Builder clientEvents(boolean enabled) {
      defaultApp.clientEvents(enabled);
      return this;
    }

    /** Allow {@code pusher:signin} on the default app. */
    public Builder userAuthentication(boolean enabled) {
      defaultApp.userAuthentication(enabled);
      return this;
    }

    /** Subscription count events and webhooks on the default app. */
    public Builder subscriptionCount(boolean enabled) {
      defaultApp.subscriptionCount(enabled);
      return this;
    }

    /** Adds a webhook URL of the default app; may be called several times. */
    public Builder webhookUrl(String url) {
      defaultApp.webhookUrl(url);
      return this;
    }

    /** Adds a webhook URL of the default app; may be called several times. */
    public Builder webhookUrl(URI url) {
      defaultApp.webhookUrl(url);
      return this;
    }

    /** Serves another app besides the default one; ids and keys must be unique. */
    public Builder app(LocalApp app) {
      if (app == null) {
        throw new IllegalArgumentException("app must not be null");
      }
      extraApps.add(app);
      return this;
    }

    /** The limits to enforce; {@link Limits#pusher()} by default. */
    public Builder limits(Limits limits) {
      if (limits == null) {
        throw new IllegalArgumentException("limits must not be null; use Limits.pusher()");
      }
      this.limits = limits;
      return this;
    }

    /** The {@code activity_timeout} announced to clients; 120 s by default. */
    public Builder activityTimeout(Duration timeout) {
      requirePositive(timeout, "activityTimeout");
      if (timeout.toSeconds() < 1) {
        throw new IllegalArgumentException("activityTimeout must be at least 1 second, got " + timeout);
      }
      this.activityTimeout = timeout;
      return this;
    }

    /**
     * How long a connection may stay silent after the server's {@code pusher:ping} (sent once it
     * was silent for the activity timeout) before it is closed with 4201; 30 s by default.
     */
    public Builder pongTimeout(Duration timeout) {
      requirePositive(timeout, "pongTimeout");
      this.pongTimeout = timeout;
      return this;
    }

    /**
     * How long channel_vacated and member_removed webhooks wait, dropped if the channel or member
     * comes back meanwhile (Pusher waits up to 3 s). Zero, the default, sends them at once.
     */
    public Builder vacancyDelay(Duration delay) {
      if (delay == null || delay.isNegative()) {
        throw new IllegalArgumentException("vacancyDelay must be zero or positive, got " + delay);
      }
      this.vacancyDelay = delay;
      return this;
    }

    /** How long a cache channel keeps its last event; 30 minutes by default. */
    public Builder cacheTtl(Duration ttl) {
      requirePositive(ttl, "cacheTtl");
      this.cacheTtl = ttl;
      return this;
    }

    /** How long a failed webhook is retried before it is given up and logged; 5 minutes by default. */
    public Builder webhookRetryFor(Duration retryFor) {
      if (retryFor == null || retryFor.isNegative()) {
        throw new IllegalArgumentException("webhookRetryFor must be zero or positive, got " + retryFor);
      }
      this.webhookRetryFor = retryFor;
      return this;
    }

    /** The first wait before retrying a webhook, doubled after each failure (up to 30 s); 1 s by default. */
    public Builder webhookInitialBackoff(Duration backoff) {
      requirePositive(backoff, "webhookInitialBackoff");
      this.webhookInitialBackoff = backoff;
      return this;
    }

    /** The clock that checks request timestamps and dates webhooks; the system clock by default. */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = clock;
      return this;
    }

    /** Checks the settings and builds a server (not yet started). */
    public LocalServer build() {
      LocalApp first = defaultApp.build();
      List<LocalApp> all = new ArrayList<>();
      all.add(first);
      all.addAll(extraApps);
      Set<String> ids = new HashSet<>();
      Set<String> keys = new HashSet<>();
      for (LocalApp app : all) {
        if (!ids.add(app.id())) {
          throw new IllegalArgumentException("two apps have the id " + app.id() + "; every app needs its own id");
        }
        if (!keys.add(app.key())) {
          throw new IllegalArgumentException("two apps have the key " + app.key() + "; every app needs its own key");
        }
      }
      return new LocalServer(
          new Config(host, port, limits, activityTimeout, pongTimeout, vacancyDelay, cacheTtl, webhookRetryFor,
              webhookInitialBackoff, clock),
          first, List.copyOf(all));
    }

    private static void requirePositive(Duration duration, String name) {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, got " + duration);
      }
    }
  }
}
