package dev.channels4j.internal.transport;

import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The blocking half of {@link ApacheTransport}: HttpClient 5's classic client, which reads the
 * response on the calling thread. Waiting on the async client's I/O thread instead costs two thread
 * hand-offs per request, a third of a blocking trigger's CPU time on a small machine.
 *
 * <p>The classic client bounds each socket read, not the whole exchange; a watchdog aborts an
 * exchange that outlives its request's timeout (within {@link #WATCH_MILLIS}), so a trickling
 * server cannot hold a caller longer. One sweep over the exchanges in flight costs less than a
 * timer task scheduled and cancelled per request.
 */
final class BlockingClient implements AutoCloseable {
  private final CloseableHttpClient client;
  static final long WATCH_MILLIS = 20;
  private final ScheduledThreadPoolExecutor watchdog;
  /** Exchanges in flight: aborted past their deadline, or when the client closes under them. */
  private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  BlockingClient(Duration connectTimeout, Duration timeout, int maxConnections, ApacheTransport.Proxy proxy,
      String userAgent) {
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.of(timeout)).build())
            .setDefaultConnectionConfig(ApacheTransport.connectionConfig(connectTimeout, timeout))
            .build();
    if (proxy == null) {
      this.client = HttpClients.createMinimal(connections);
    } else {
      HttpClientBuilder builder = HttpClients.custom()
          .setConnectionManager(connections)
          .disableRedirectHandling()
          .disableAutomaticRetries()
          .disableCookieManagement()
          .evictExpiredConnections()
          .evictIdleConnections(TimeValue.ofSeconds(30))
          .setUserAgent(userAgent)
          .setProxy(proxy.httpHost());
      if (proxy.credentials() != null) {
        builder.setDefaultCredentialsProvider(proxy.credentials());
      }
      this.client = builder.build();
    }
    this.watchdog = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "channels4j-request-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    this.watchdog.scheduleWithFixedDelay(this::abortExpired, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void abortExpired() {
    long now = System.nanoTime();
    for (Exchange exchange : inFlight) {
      if (now - exchange.deadline > 0) {
        exchange.expired = true;
        exchange.request.cancel();
      }
    }
  }

  /** One request in flight and when it must have completed. */
  private static final class Exchange {
    final HttpUriRequestBase request;
    final long deadline;
    volatile boolean expired;

    Exchange(HttpUriRequestBase request, long deadline) {
      this.request = request;
      this.deadline = deadline;
    }
  }

  TransportResponse execute(TransportRequest request, RequestConfig config, String userAgent)
      throws IOException, TimeoutException {
    Origin origin = Origin.of(request.origin());
    HttpUriRequestBase exchange = new HttpUriRequestBase(request.method(), origin.root);
    exchange.setPath(request.target());
    request.headers().forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Content-Type")) {
        exchange.addHeader(name, value);
      }
    });
    exchange.setHeader("User-Agent", userAgent);
    if (request.body() != null) {
      exchange.setEntity(new ByteArrayEntity(request.body(), ContentType.APPLICATION_JSON));
    }
    exchange.setConfig(config);
    HttpClientContext context = HttpClientContext.create();
    context.setRequestConfig(config);

    Exchange watched = new Exchange(exchange, System.nanoTime() + request.timeout().toNanos());
    inFlight.add(watched);
    try {
      return client.execute(origin.host, exchange, context, BlockingClient::toResponse);
    } catch (IOException e) {
      if (closed) {
        throw new IOException("the client was closed before the response arrived", e);
      }
      if (watched.expired) {
        TimeoutException timeout = new TimeoutException("no complete response within " + request.timeout().toMillis() + " ms");
        timeout.initCause(e);
        throw timeout;
      }
      throw e;
    } finally {
      inFlight.remove(watched);
    }
  }

  private static TransportResponse toResponse(ClassicHttpResponse response) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header header : response.getHeaders()) {
      headers.computeIfAbsent(header.getName(), k -> new ArrayList<>()).add(header.getValue());
    }
    HttpEntity entity = response.getEntity();
    byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
    return new TransportResponse(response.getCode(), headers, body);
  }

  @Override
  public void close() {
    closed = true;
    inFlight.forEach(exchange -> exchange.request.cancel());
    watchdog.shutdownNow();
    client.close(CloseMode.IMMEDIATE);
  }
}
