package dev.channels4j.internal.transport;

import dev.channels4j.spi.Transport;
import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
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
  private static final String CLOSED = "the client was closed before the response arrived";
  private final CloseableHttpAsyncClient client;
  private final BlockingClient blocking;
  /** Ends exchanges past their request's timeout, and those in flight when the client closes. */
  private final Watchdog watchdog = new Watchdog();
  private final Duration defaultTimeout;
  private final RequestConfig defaultRequestConfig;

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

  public ApacheTransport(Duration connectTimeout, Duration timeout, int maxConnections, Proxy proxy) {
    this.defaultTimeout = timeout;
    this.defaultRequestConfig = requestConfigFor(timeout);
    PoolingAsyncClientConnectionManager connections =
        PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .setDefaultConnectionConfig(connectionConfig(connectTimeout, timeout))
            .build();
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
    this.blocking = new BlockingClient(connectTimeout, timeout, maxConnections, proxy, watchdog);
  }

  @Override
  public CompletableFuture<TransportResponse> send(TransportRequest request) {
    return send(request, true);
  }

  private CompletableFuture<TransportResponse> send(TransportRequest request, boolean mayResend) {
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
    AbandonableConsumer consumer = new AbandonableConsumer(SimpleResponseConsumer.create());
    Future<SimpleHttpResponse> inFlight =
        client.execute(
            SimpleRequestProducer.create(httpRequest),
            consumer,
            context,
            new FutureCallback<>() {
              @Override
              public void completed(SimpleHttpResponse response) {
                result.complete(toResponse(response));
              }

              @Override
              public void failed(Exception e) {
                if (mayResend && e instanceof RequestNotExecutedException) {
                  // The pooled connection was found closed before any byte was written: nothing
                  // reached the server, so sending again is safe, even for a POST.
                  send(request, false).whenComplete((response, error) -> {
                    if (error == null) {
                      result.complete(response);
                    } else {
                      result.completeExceptionally(error);
                    }
                  });
                  return;
                }
                result.completeExceptionally(e);
              }

              @Override
              public void cancelled() {
                result.cancel(false);
              }
            });
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

  /**
   * Both pools: pooled connections idle for over a second are checked before reuse, and none
   * lives over five minutes.
   */
  static ConnectionConfig connectionConfig(Duration connectTimeout, Duration timeout) {
    return ConnectionConfig.custom()
        .setConnectTimeout(Timeout.of(connectTimeout))
        .setSocketTimeout(Timeout.of(timeout))
        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
        .setTimeToLive(TimeValue.ofMinutes(5))
        .build();
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

  private static TransportResponse toResponse(SimpleHttpResponse response) {
    byte[] body = response.getBodyBytes();
    return new TransportResponse(response.getCode(), headersOf(response.getHeaders()), body == null ? new byte[0] : body);
  }

  static TransportResponse toResponse(ClassicHttpResponse response) throws IOException {
    HttpEntity entity = response.getEntity();
    byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
    return new TransportResponse(response.getCode(), headersOf(response.getHeaders()), body);
  }

  /**
   * The headers as the immutable map {@link TransportResponse} keeps, built directly (so it is not
   * copied again), repeated names merged in order.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> headersOf(Header[] headers) {
    List<Map.Entry<String, List<String>>> entries = new ArrayList<>(headers.length);
    next:
    for (Header header : headers) {
      for (int i = 0; i < entries.size(); i++) {
        Map.Entry<String, List<String>> entry = entries.get(i);
        if (entry.getKey().equals(header.getName())) {
          List<String> values = new ArrayList<>(entry.getValue());
          values.add(header.getValue());
          entries.set(i, Map.entry(entry.getKey(), List.copyOf(values)));
          continue next;
        }
      }
      entries.add(Map.entry(header.getName(), List.of(header.getValue())));
    }
    return Map.ofEntries(entries.toArray(new Map.Entry[0]));
  }

  /** On the calling thread, with HttpClient 5's classic client: see {@link BlockingClient}. */
  @Override
  public TransportResponse execute(TransportRequest request) throws IOException, TimeoutException {
    return blocking.execute(request, requestConfig(request.timeout()), USER_AGENT);
  }

  @Override
  public void close() {
    // A graceful close alone waits seconds for exchanges in flight, then leaves their futures
    // pending until the request timeout. Fail and cancel them first, as ChannelsClient.close() says.
    watchdog.abortAll(new IOException(CLOSED));
    blocking.close();
    client.close(CloseMode.GRACEFUL);
    watchdog.close();
  }

  /**
   * Cancelling an exchange from outside the I/O reactor does not always release its connection
   * while the response body is still arriving (seen with a server trickling its body: the pooled
   * connection stayed leased). Failing the next read from inside the reactor does.
   */
  private static final class AbandonableConsumer implements AsyncResponseConsumer<SimpleHttpResponse> {
    private final AsyncResponseConsumer<SimpleHttpResponse> delegate;
    private volatile boolean abandoned;

    AbandonableConsumer(AsyncResponseConsumer<SimpleHttpResponse> delegate) {
      this.delegate = delegate;
    }

    void abandon() {
      abandoned = true;
    }

    private void failIfAbandoned() throws IOException {
      if (abandoned) {
        throw new InterruptedIOException("response abandoned: the request timed out or was cancelled");
      }
    }

    @Override
    public void consumeResponse(
        HttpResponse response, EntityDetails entity, HttpContext context, FutureCallback<SimpleHttpResponse> callback)
        throws HttpException, IOException {
      failIfAbandoned();
      delegate.consumeResponse(response, entity, context, callback);
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) throws HttpException, IOException {
      delegate.informationResponse(response, context);
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
      failIfAbandoned();
      delegate.updateCapacity(capacityChannel);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
      failIfAbandoned();
      delegate.consume(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
      delegate.streamEnd(trailers);
    }

    @Override
    public void failed(Exception cause) {
      delegate.failed(cause);
    }

    @Override
    public void releaseResources() {
      delegate.releaseResources();
    }
  }

  @Override
  public String toString() {
    return "ApacheTransport";
  }
}
