package dev.channels4j.internal.transport;

import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The blocking half of {@link ApacheTransport}: HttpClient 5's classic client, which reads the
 * response on the calling thread. Waiting on the async client's I/O thread instead costs two thread
 * hand-offs per request, a third of a blocking trigger's CPU time on a small machine.
 *
 * <p>The classic client bounds each socket read, not the whole exchange: the transport's
 * {@link Watchdog} aborts an exchange that outlives its request's timeout.
 */
final class BlockingClient implements AutoCloseable {
  private final CloseableHttpClient client;
  private final Watchdog watchdog;
  private final int maxResponseBytes;

  BlockingClient(ApacheTransport.Settings settings, Watchdog watchdog) {
    this.watchdog = watchdog;
    this.maxResponseBytes = settings.maxResponseBytes();
    int maxConnections = settings.maxConnections();
    ApacheTransport.Proxy proxy = settings.proxy();
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.of(settings.timeout())).build())
            .setDefaultConnectionConfig(ApacheTransport.connectionConfig(settings))
            .setDefaultTlsConfig(ApacheTransport.tlsConfig(settings))
            .setTlsSocketStrategy(Tls.classicStrategy(settings.sslContext()))
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
          .setProxy(proxy.httpHost());
      CredentialsProvider credentials = proxy.credentials();
      if (credentials != null) {
        builder.setDefaultCredentialsProvider(credentials);
      }
      this.client = builder.build();
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

    Watchdog.Watched watched = watchdog.watch(request.timeout(), reason -> exchange.cancel());
    try {
      return client.execute(origin.host, exchange, context, response -> ApacheResponses.of(response, maxResponseBytes, exchange::cancel));
    } catch (IOException e) {
      // The reason may be shared by every exchange the close aborted: wrap it, never initCause it.
      Exception aborted = watched.abortedWith();
      if (aborted instanceof TimeoutException) {
        TimeoutException timeout = new TimeoutException(aborted.getMessage());
        timeout.initCause(e);
        throw timeout;
      }
      if (aborted instanceof ClientClosedException) {
        throw new ClientClosedException(aborted.getMessage(), e);
      }
      if (aborted != null) {
        throw new IOException(aborted.getMessage(), e);
      }
      throw e;
    } catch (LinkageError e) {
      throw HttpComponentsVersions.explain(e);
    } finally {
      watched.done();
    }
  }

  @Override
  public void close() {
    client.close(CloseMode.IMMEDIATE);
  }
}
