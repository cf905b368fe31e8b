package dev.channels4j.internal.transport;

import dev.channels4j.spi.Transport;
import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The default {@link Transport}: Apache HttpClient 5, each half over its own pooled keep-alive
 * connection manager: the async client for {@link #send} (async calls and the publisher), the
 * classic client for {@link #execute} (blocking calls, see {@link BlockingClient}). Without a proxy
 * both are HttpClient's minimal clients, which skip the exec chain (redirects, cookies, auth,
 * retries: all off here anyway). Pooled connections idle for over a second are validated before
 * reuse, so a trigger after a quiet period does not fail on a connection the server dropped.
 */
public final class ApacheTransport implements Transport {
  private static final String USER_AGENT = "channels4j";
  private final CloseableHttpAsyncClient client;
  private final PoolingAsyncClientConnectionManager connections;
  private final BlockingClient blocking;
  /** Ends exchanges past their request's timeout, and those in flight when the client closes. */
  private final Watchdog watchdog = new Watchdog();
  private final Duration defaultTimeout;
  private final RequestConfig defaultRequestConfig;
  private final int maxResponseBytes;
  private final Duration connectTimeout;
  /** Set first thing in {@link #close}: a failure after it is reported as the close, not as what the stopped pool says. */
  private volatile boolean closed;

  /** The most bytes of a response body kept by default: the API's answers are a few kilobytes. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  /** A proxy to send every request through, with optional credentials. */
  public record Proxy(String host, int port, String username, String password) {
    HttpHost httpHost() {
      return new HttpHost(host, port);
    }

    /** Basic credentials for the proxy, or {@code null} when it needs none. */
    CredentialsProvider credentials() {
      if (username == null) {
        return null;
      }
      BasicCredentialsProvider credentials = new BasicCredentialsProvider();
      credentials.setCredentials(
          new AuthScope(host, port), new UsernamePasswordCredentials(username, password.toCharArray()));
      return credentials;
    }

    @Override
    public String toString() {
      return "Proxy[" + host + ":" + port + (username == null ? "" : ", user=" + username) + "]";
    }
  }

  /** How long a pooled connection lives by default, however busy: DNS changes take effect within it. */
  public static final Duration DEFAULT_CONNECTION_TIME_TO_LIVE = Duration.ofMinutes(5);

  /**
   * Everything the transport is made of.
   *
   * @param proxy the proxy, or {@code null}
   * @param sslContext the TLS trust (and keys) of HTTPS connections, or {@code null} for the JVM's default
   * @param connectionTimeToLive the longest a connection is reused, counted from its opening
   * @param validateAfterInactivity a pooled connection idle this long is checked before reuse
   */
  public record Settings(Duration connectTimeout, Duration timeout, int maxConnections, Proxy proxy,
      int maxResponseBytes, SSLContext sslContext, Duration connectionTimeToLive, Duration validateAfterInactivity) {

    /** Settings with the default check of idle connections. */
    public Settings(Duration connectTimeout, Duration timeout, int maxConnections, Proxy proxy,
        int maxResponseBytes, SSLContext sslContext, Duration connectionTimeToLive) {
      this(connectTimeout, timeout, maxConnections, proxy, maxResponseBytes, sslContext, connectionTimeToLive,
          DEFAULT_VALIDATE_AFTER_INACTIVITY);
    }
  }

  /**
   * How long a pooled connection may idle before it is checked on reuse. The blocking pool's check
   * reads with a 1 ms timeout, so checking every reuse would cost a millisecond per request; load
   * balancers close idle connections after tens of seconds, which a one-second threshold catches.
   */
  public static final Duration DEFAULT_VALIDATE_AFTER_INACTIVITY = Duration.ofSeconds(1);

  public ApacheTransport(Duration connectTimeout, Duration timeout, int maxConnections, Proxy proxy) {
    this(connectTimeout, timeout, maxConnections, proxy, DEFAULT_MAX_RESPONSE_BYTES);
  }

  /**
   * A transport that fails an exchange whose response body exceeds {@code maxResponseBytes} with a
   * {@link ResponseTooLargeException}, reading no more of it.
   */
  public ApacheTransport(Duration connectTimeout, Duration timeout, int maxConnections, Proxy proxy,
      int maxResponseBytes) {
    this(new Settings(connectTimeout, timeout, maxConnections, proxy, maxResponseBytes, null,
        DEFAULT_CONNECTION_TIME_TO_LIVE));
  }

  /** A transport as {@code settings} say. */
  public ApacheTransport(Settings settings) {
    Duration connectTimeout = settings.connectTimeout();
    Duration timeout = settings.timeout();
    int maxConnections = settings.maxConnections();
    Proxy proxy = settings.proxy();
    int maxResponseBytes = settings.maxResponseBytes();
    if (maxResponseBytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 1, got " + maxResponseBytes);
    }
    this.maxResponseBytes = maxResponseBytes;
    this.connectTimeout = connectTimeout;
    this.defaultTimeout = timeout;
    this.defaultRequestConfig = requestConfigFor(timeout);
    PoolingAsyncClientConnectionManager connections =
        PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .setDefaultConnectionConfig(connectionConfig(settings))
            .setDefaultTlsConfig(tlsConfig(settings))
            .setTlsStrategy(Tls.asyncStrategy(settings.sslContext()))
            .build();
    this.connections = connections;
    IOReactorConfig reactor = IOReactorConfig.custom()
        .setIoThreadCount(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())))
        .build();
    if (proxy == null) {
      // Without a proxy the client needs no exec chain (redirects, cookies, auth, retries are all
      // off): the minimal client skips it, and with it a re-parse of every request's URI.
      this.client = HttpAsyncClients.createMinimal(
          HttpVersionPolicy.FORCE_HTTP_1, H2Config.DEFAULT, Http1Config.DEFAULT, reactor, connections);
    } else {
      HttpAsyncClientBuilder builder =
          HttpAsyncClients.custom()
              .setConnectionManager(connections)
              .setIOReactorConfig(reactor)
              .setDefaultRequestConfig(defaultRequestConfig)
              .disableRedirectHandling()
              .disableAutomaticRetries()
              .disableCookieManagement()
              .evictExpiredConnections()
              .evictIdleConnections(TimeValue.ofSeconds(30))
              .setProxy(proxy.httpHost());
      CredentialsProvider credentials = proxy.credentials();
      if (credentials != null) {
        builder.setDefaultCredentialsProvider(credentials);
      }
      this.client = builder.build();
    }
    this.client.start();
    this.blocking = new BlockingClient(settings, watchdog);
  }

  @Override
  public CompletableFuture<TransportResponse> send(TransportRequest request) {
    return send(request, true);
  }

  private CompletableFuture<TransportResponse> send(TransportRequest request, boolean mayResend) {
    if (closed) {
      return CompletableFuture.failedFuture(new ClientClosedException(ClientClosedException.CLOSED_ALREADY));
    }
    SimpleRequestBuilder builder = SimpleRequestBuilder.create(request.method())
        .setHttpHost(Origin.of(request.origin()).host)
        .setPath(request.target());
    request.headers().forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Content-Type")) {
        builder.addHeader(name, value);
      }
    });
    if (request.body() != null) {
      builder.setBody(request.body(), ContentType.APPLICATION_JSON);
    }
    builder.setHeader("User-Agent", USER_AGENT);
    RequestConfig config = requestConfig(request.timeout());
    builder.setRequestConfig(config);
    SimpleHttpRequest httpRequest = builder.build();
    HttpClientContext context = HttpClientContext.create();
    context.setRequestConfig(config);
    CompletableFuture<TransportResponse> result = new CompletableFuture<>();
    GuardedResponseConsumer consumer = new GuardedResponseConsumer(maxResponseBytes);
    Future<SimpleHttpResponse> inFlight;
    try {
      inFlight = execute(httpRequest, consumer, context, result, request, mayResend);
    } catch (RuntimeException | LinkageError e) {
      // HttpClient runs parts of an exchange on the caller's thread: whatever it throws there
      // fails this exchange's future, never the caller (often a pooled or I/O thread).
      result.completeExceptionally(closed ? closedInFlight(e) : HttpComponentsVersions.explain(e));
      return result;
    }
    Watchdog.Watched watched = watchdog.watch(request.timeout(), reason -> {
      result.completeExceptionally(reason);
      consumer.abandon();
      inFlight.cancel(true);
    });
    result.whenComplete((r, e) -> {
      watched.done();
      if (result.isCancelled()) {
        consumer.abandon();
        inFlight.cancel(true);
      }
    });
    return result;
  }

  private Future<SimpleHttpResponse> execute(SimpleHttpRequest httpRequest, GuardedResponseConsumer consumer,
      HttpClientContext context, CompletableFuture<TransportResponse> result, TransportRequest request,
      boolean mayResend) {
    return client.execute(
        SimpleRequestProducer.create(httpRequest),
        consumer,
        context,
        new FutureCallback<>() {
          @Override
          public void completed(SimpleHttpResponse response) {
            // On a reactor thread: nothing may escape (see GuardedResponseConsumer).
            try {
              result.complete(ApacheResponses.of(response));
            } catch (Throwable t) {
              result.completeExceptionally(new IOException("reading the response failed: " + t, t));
            }
          }

          @Override
          public void failed(Exception e) {
            try {
              failedOnReactor(e);
            } catch (Throwable t) {
              result.completeExceptionally(e);
            }
          }

          private void failedOnReactor(Exception e) {
            if (mayResend && !closed && e instanceof RequestNotExecutedException) {
              // The pooled connection was found closed before any byte was written: nothing
              // reached the server, so sending again is safe, even for a POST.
              resendFor(result, () -> send(request, false));
              return;
            }
            result.completeExceptionally(closed ? closedInFlight(e) : understood(e, request));
          }

          @Override
          public void cancelled() {
            result.cancel(false);
          }
        });
  }

  /**
   * Completes {@code result} with a second exchange's outcome, within the first one's bounds: no
   * resend once {@code result} is done (timed out, cancelled, failed by close), and the resend is
   * cancelled when {@code result} completes first, as at the first exchange's deadline (its
   * watchdog entry lasts until {@code result} completes), so the resend gets no fresh timeout.
   */
  static void resendFor(CompletableFuture<TransportResponse> result,
      Supplier<CompletableFuture<TransportResponse>> resend) {
    if (result.isDone()) {
      return;
    }
    CompletableFuture<TransportResponse> again = resend.get();
    result.whenComplete((response, error) -> again.cancel(true));
    again.whenComplete((response, error) -> {
      if (error == null) {
        result.complete(response);
      } else {
        result.completeExceptionally(error);
      }
    });
  }

  /**
   * Both pools: pooled connections idle for over a second are checked before reuse (a server or
   * load balancer closes idle ones), and none is reused past its time to live, so that a DNS
   * change reaches every connection within it.
   */
  static ConnectionConfig connectionConfig(Settings settings) {
    return ConnectionConfig.custom()
        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
        .setSocketTimeout(Timeout.of(settings.timeout()))
        .setValidateAfterInactivity(TimeValue.of(settings.validateAfterInactivity()))
        .setTimeToLive(TimeValue.of(settings.connectionTimeToLive()))
        .build();
  }

  /** The TLS handshake is part of connecting: a server that never answers it is given the connect timeout. */
  static TlsConfig tlsConfig(Settings settings) {
    return TlsConfig.custom().setHandshakeTimeout(Timeout.of(settings.connectTimeout())).build();
  }

  /** The client is built for one timeout, which every request of its client carries: reuse its config. */
  private RequestConfig requestConfig(Duration timeout) {
    RequestConfig cached = defaultRequestConfig;
    if (timeout.equals(defaultTimeout)) {
      return cached;
    }
    return requestConfigFor(timeout);
  }

  private static RequestConfig requestConfigFor(Duration timeout) {
    return RequestConfig.custom()
        .setResponseTimeout(Timeout.of(timeout))
        .setConnectionRequestTimeout(Timeout.of(timeout))
        .setRedirectsEnabled(false)
        .build();
  }

  /** On the calling thread, with HttpClient 5's classic client: see {@link BlockingClient}. */
  @Override
  public TransportResponse execute(TransportRequest request) throws IOException, TimeoutException {
    if (closed) {
      throw new ClientClosedException(ClientClosedException.CLOSED_ALREADY);
    }
    try {
      return blocking.execute(request, requestConfig(request.timeout()), USER_AGENT);
    } catch (IOException | IllegalStateException e) {
      // A close racing this exchange: the pool's own "Connection pool shut down" would hide why.
      if (closed && !(e instanceof ClientClosedException)) {
        throw closedInFlight(e);
      }
      if (e instanceof IOException io && understood(io, request) instanceof TransportFailure failure) {
        throw failure;
      }
      throw e;
    }
  }

  /** The failure as {@link ApacheFailures} reads it, for the server the request went to. */
  private Throwable understood(Throwable failure, TransportRequest request) {
    return ApacheFailures.classify(failure, Origin.of(request.origin()).host.toHostString(), connectTimeout);
  }

  private static ClientClosedException closedInFlight(Throwable cause) {
    return new ClientClosedException(ClientClosedException.CLOSED_IN_FLIGHT, cause);
  }

  @Override
  public void close() {
    // A graceful close alone waits seconds for exchanges in flight, then leaves their futures
    // pending until the request timeout. Fail and cancel them first, as ChannelsClient.close() says.
    closed = true;
    watchdog.abortAll(new ClientClosedException(ClientClosedException.CLOSED_IN_FLIGHT));
    blocking.close();
    // The reactor's graceful shutdown waits up to 5 s for its sessions to end, and a connection
    // to a server that does not answer never does; an immediate shutdown of the reactor itself
    // races its selector (HttpClient logs a ClosedSelectorException at ERROR). Closing every
    // connection first, then the reactor gracefully, is prompt and quiet.
    connections.close(CloseMode.IMMEDIATE);
    client.close(CloseMode.GRACEFUL);
    watchdog.close();
  }

  @Override
  public String toString() {
    return "ApacheTransport";
  }
}
