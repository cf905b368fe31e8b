package dev.channels4j.local;

import dev.channels4j.ChannelsClient;
import dev.channels4j.internal.socket.CloseCodes;
import dev.channels4j.internal.url.PusherUrl;
import dev.channels4j.local.internal.console.ConsoleServer;
import dev.channels4j.local.internal.faults.FaultQueue;
import dev.channels4j.local.internal.state.AppState;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;

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
  /** The prefix of every thread a server starts; tests look for leaks by it. */
  public static final String THREAD_PREFIX = "channels4j-local-";

  private final ServerConfig config;
  private final LocalApp defaultApp;
  private final List<LocalApp> apps;
  private final Object lifecycle = new Object();
  /** Set by start; guarded by lifecycle. */
  private ServerRuntime runtime;
  private final FaultQueue faultQueue = new FaultQueue();
  /** The debug console's port; -1 when off. */
  private int consolePort = -1;
  private ConsoleServer console;
  private boolean started;
  private boolean closed;

  private LocalServer(ServerConfig config, LocalApp defaultApp, List<LocalApp> apps) {
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
      runtime = ServerRuntime.start(config, apps, faultQueue);
      if (consolePort >= 0) {
        try {
          console = ConsoleServer.start(THREAD_PREFIX + "console-" + Integer.toHexString(System.identityHashCode(this)),
              config.host(), consolePort, runtime.registry(), runtime.webhooks(), faults(), config.limits().maxDataBytes());
        } catch (RuntimeException e) {
          runtime.close();
          throw e;
        }
      }
      return this;
    }
  }


  /** The port the server listens on (the bound one when built with port 0). */
  public int port() {
    synchronized (lifecycle) {
      return running().port();
    }
  }

  /** The host the server is bound to. */
  public String host() {
    return config.host();
  }

  /** {@code http://key:secret@host:port/apps/id} ({@code https://} with TLS) of the default app: the value of PUSHER_URL. */
  public String pusherUrl() {
    return pusherUrl(defaultApp.id());
  }

  /** {@code http://key:secret@host:port/apps/id} ({@code https://} with TLS) of an app. */
  public String pusherUrl(String appId) {
    LocalApp app = state(appId).app();
    return new PusherUrl(config.tls() != null, app.key(), app.secret(), clientHost(), port(), app.id()).format();
  }

  /** {@code ws://host:port/app/<key>?protocol=7} ({@code wss://} with TLS) of the default app. */
  public URI webSocketUri() {
    return webSocketUri(defaultApp.id());
  }

  /** {@code ws://host:port/app/<key>?protocol=7} ({@code wss://} with TLS) of an app. */
  public URI webSocketUri(String appId) {
    String scheme = config.tls() == null ? "ws://" : "wss://";
    return URI.create(scheme + clientHost() + ":" + port() + "/app/" + state(appId).app().key() + "?protocol=7");
  }

  /** A new client of the default app, for this server; the caller closes it. */
  public ChannelsClient newClient() {
    return newClient(defaultApp.id());
  }

  /** A new client of an app, for this server; the caller closes it. */
  public ChannelsClient newClient(String appId) {
    LocalApp app = state(appId).app();
    ChannelsClient.Builder builder = ChannelsClient.builder().appId(app.id()).key(app.key()).secret(app.secret())
        .host(clientHost()).port(port()).useTls(config.tls() != null);
    clientSslContext().ifPresent(builder::sslContext);
    return builder.build();
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

  private ServerRuntime running() {
    synchronized (lifecycle) {
      if (runtime == null) {
        throw new IllegalStateException("the server is not started; call start() first");
      }
      return runtime;
    }
  }

  private AppState state(String appId) {
    AppState state = running().registry().byId(appId);
    if (state == null) {
      throw new IllegalArgumentException("no app with id " + appId + " on this server");
    }
    return state;
  }

  /** The identity the server serves HTTPS and WSS with; empty when it serves plain HTTP and WS. */
  public Optional<TlsIdentity> tls() {
    return Optional.ofNullable(config.tls());
  }

  /**
   * An {@link SSLContext} for clients that trusts this server's certificate, as
   * {@link TlsIdentity#trustingSslContext()}; empty without TLS or with an identity made from an
   * SSLContext. {@link #newClient()} uses it.
   */
  public Optional<SSLContext> clientSslContext() {
    return config.tls() == null ? Optional.empty() : config.tls().trustingSslContext();
  }

  private String clientHost() {
    return "0.0.0.0".equals(config.host()) || "::".equals(config.host()) ? "127.0.0.1" : config.host();
  }

  /**
   * Failures on demand: the next API requests answer an error, late, or not at all; WebSocket
   * connections dropped with a chosen code. See {@link Faults}.
   */
  public Faults faults() {
    return new Faults(faultQueue, null, (socketId, code) -> running().registry().all().stream()
        .mapToInt(app -> app.drop(socketId, code, "Connection dropped by an injected fault")).sum());
  }

  /**
   * The debug console's address, {@code http://host:port/console}, when it was turned on with
   * {@link Builder#console(int)}; empty otherwise.
   */
  public Optional<URI> consoleUri() {
    synchronized (lifecycle) {
      running();
      return console == null ? Optional.empty() : Optional.of(console.uri(clientHost()));
    }
  }

  /** What the server's bounds have counted so far, all apps together. */
  public ServerStats stats() {
    return running().stats();
  }

  /** The once-a-minute summary, in words an operator reads without the docs. */
  static String summaryLine(int open, long opened, long closed, long slowReaders, long refused, long dropped) {
    return "connections: " + open + " open; in the last minute " + opened + " opened and " + closed + " closed, "
        + slowReaders + " of them because the client stopped reading its messages (close code "
        + CloseCodes.OVER_CAPACITY + ");"
        + " publishes refused because delivery was backed up (HTTP 429): " + refused + ";"
        + " webhooks dropped because their queue was full: " + dropped;
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
      if (console != null) {
        console.close();
      }
      if (runtime != null) {
        runtime.close();
      }
    }
  }

  @Override
  public String toString() {
    return "LocalServer[" + config.host() + ":" + (started && !closed ? port() : config.port()) + ", apps=" + apps + "]";
  }

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
    private LongSupplier ticker = System::nanoTime;
    private TlsIdentity tls;
    private int consolePort = -1;

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

    /**
     * Serves HTTPS and WSS (instead of HTTP and WS) on the one port, with this certificate and key:
     * {@link LocalServer#pusherUrl()} then starts with {@code https://}, {@link
     * LocalServer#webSocketUri()} with {@code wss://}. Null (the default) serves plain text.
     *
     * <pre>{@code
     * LocalServer server = LocalServer.builder().tls(TlsIdentity.selfSigned()).build().start();
     * }</pre>
     */
    public Builder tls(TlsIdentity identity) {
      this.tls = identity;
      return this;
    }

    /** Monotonic nanoseconds for the state's timeouts and throttles; tests in this package inject their own. */
    Builder ticker(LongSupplier ticker) {
      if (ticker == null) {
        throw new IllegalArgumentException("ticker must not be null");
      }
      this.ticker = ticker;
      return this;
    }

    /**
     * Serves the debug console at {@code http://host:<port>/console} (0 for a free port, read back
     * with {@link LocalServer#consoleUri()}), on its own port, never the API's: live connections,
     * channels, events and webhooks, an event form and fault controls. Off by default; a negative
     * port turns it off. Plain HTTP even when the API serves TLS; it shows no secret.
     */
    public Builder console(int port) {
      if (port > 65535) {
        throw new IllegalArgumentException("console port must be between 0 and 65535 (negative: off), got " + port);
      }
      this.consolePort = port < 0 ? -1 : port;
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
      if (consolePort > 0 && consolePort == port) {
        throw new IllegalArgumentException("the console needs its own port: " + port + " is the API's");
      }
      LocalServer server = new LocalServer(
          new ServerConfig(host, port, limits, activityTimeout, pongTimeout, vacancyDelay, cacheTtl, webhookRetryFor,
              webhookInitialBackoff, clock, ticker, tls),
          first, List.copyOf(all));
      server.consolePort = consolePort;
      return server;
    }

    private static void requirePositive(Duration duration, String name) {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, got " + duration);
      }
    }
  }
}
