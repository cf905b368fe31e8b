package dev.channels4j.benchmarks.load;

import com.pusher.rest.Pusher;
import com.pusher.rest.PusherAsync;
import com.pusher.rest.data.Result;
import dev.channels4j.ChannelsClient;
import dev.channels4j.testsupport.network.SelfSignedCertificate;
import io.netty.handler.ssl.SslContextBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.asynchttpclient.Dsl;
import dev.channels4j.Event;
import dev.channels4j.Publisher;
import dev.channels4j.PublisherOptions;
import dev.channels4j.internal.signing.RequestSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/** The clients under test, by the names the results use. */
@SuppressWarnings("try")
final class Drivers {
  static final int BLOCKING_THREADS = 8;
  static final int ASYNC_IN_FLIGHT = 64;
  /** The hand-tuned publisher of issue 18: a fixed window of 256 requests in flight over 256 connections. */
  static final int TUNED_IN_FLIGHT = 256;

  static final List<String> ALL = List.of(
      "channels4j-blocking", "channels4j-async", "channels4j-publisher",
      "pusher-http-java-blocking", "pusher-http-java-async", "httpclient5-floor", "httpclient5-classic-floor");

  private Drivers() {}

  static Driver create(String name, int port) throws Exception {
    return create(name, port, null);
  }

  /** The client {@code name} publishing to 127.0.0.1:port, over HTTPS trusting {@code tls} when not null. */
  static Driver create(String name, int port, SelfSignedCertificate tls) throws Exception {
    return switch (name) {
      case "channels4j-blocking" -> {
        ChannelsClient client = channels4j(port, tls, 0);
        yield blocking(i -> {
          client.trigger(Workload.channel(i), Workload.EVENT, Workload.DATA);
          return true;
        }, client::close);
      }
      case "channels4j-async" -> {
        ChannelsClient client = channels4j(port, tls, 0);
        yield async(i -> client.async().trigger(Workload.channel(i), Workload.EVENT, Workload.DATA)
            .thenApply(result -> Boolean.TRUE), client::close);
      }
      case "channels4j-publisher" -> publisher(channels4j(port, tls, 0), PublisherOptions.defaults());
      case "channels4j-publisher-tuned" -> publisher(channels4j(port, tls, TUNED_IN_FLIGHT),
          PublisherOptions.builder().minInFlightRequests(TUNED_IN_FLIGHT).maxInFlightRequests(TUNED_IN_FLIGHT).build());
      case "pusher-http-java-blocking" -> {
        Pusher pusher = new Pusher(Workload.APP_ID, Workload.KEY, Workload.SECRET);
        pusher.setHost("127.0.0.1:" + port);
        pusher.setEncrypted(tls != null);
        // Its default pool allows 2 connections per route; give it one per thread, as a user would.
        PoolingHttpClientConnectionManager pool = tls == null ? new PoolingHttpClientConnectionManager()
            : new PoolingHttpClientConnectionManager(RegistryBuilder.<ConnectionSocketFactory>create()
                .register("https", new SSLConnectionSocketFactory(tls.clientContext())).build());
        pool.setMaxTotal(BLOCKING_THREADS * 2);
        pool.setDefaultMaxPerRoute(BLOCKING_THREADS * 2);
        pusher.configureHttpClient(HttpClientBuilder.create().setConnectionManager(pool).disableRedirectHandling());
        yield blocking(i -> pusher.trigger(Workload.channel(i), Workload.EVENT, Workload.DATA).getStatus()
            == Result.Status.SUCCESS, pusher::close);
      }
      case "pusher-http-java-async" -> {
        PusherAsync pusher = new PusherAsync(Workload.APP_ID, Workload.KEY, Workload.SECRET);
        pusher.setHost("127.0.0.1:" + port);
        pusher.setEncrypted(tls != null);
        if (tls != null) {
          // Its documented way in: the AsyncHttpClient config, whose TLS is Netty's.
          pusher.configureHttpClient(Dsl.config().setSslContext(
              SslContextBuilder.forClient().trustManager(tls.trustManagers()).build()));
        }
        yield async(i -> pusher.trigger(Workload.channel(i), Workload.EVENT, Workload.DATA)
            .thenApply(result -> result.getStatus() == Result.Status.SUCCESS), pusher::close);
      }
      case "httpclient5-floor" -> floor(port, false, tls);
      case "httpclient5-floor-blocking" -> floor(port, true, tls);
      case "httpclient5-classic-floor" -> classicFloor(port);
      case "channels4j-transport-only" -> transportOnly(port);
      default -> throw new IllegalArgumentException("unknown client " + name + "; known: " + ALL);
    };
  }

  static ChannelsClient channels4j(int port) {
    return channels4j(port, null, 0);
  }

  /** A client of 127.0.0.1:port; over HTTPS trusting {@code tls} (and nothing else) when it is not null. */
  static ChannelsClient channels4j(int port, SelfSignedCertificate tls, int maxConnections) {
    ChannelsClient.Builder builder = ChannelsClient.builder()
        .appId(Workload.APP_ID).key(Workload.KEY).secret(Workload.SECRET)
        .host("127.0.0.1").port(port).useTls(tls != null);
    if (maxConnections > 0) {
      builder.maxConnections(maxConnections);
    }
    // Diagnostic: the connect timeout (which bounds the TLS handshake too), to tell a slow
    // handshake on a starved machine from a failure.
    String connectTimeout = System.getenv("CHANNELS4J_BENCH_CONNECT_TIMEOUT_MS");
    if (connectTimeout != null) {
      builder.connectTimeout(java.time.Duration.ofMillis(Long.parseLong(connectTimeout)));
    }
    if (tls != null) {
      builder.sslContext(tls.clientContext());
    }
    return builder.build();
  }

  interface Closer {
    void close() throws Exception;
  }

  /** {@link #BLOCKING_THREADS} threads, each publishing the next event and waiting for its answer. */
  static Driver blocking(IntPredicate publish, Closer closer) {
    return new Driver() {
      @Override
      public void run(int count, Recorder recorder) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Thread[] threads = new Thread[BLOCKING_THREADS];
        for (int t = 0; t < threads.length; t++) {
          threads[t] = new Thread(() -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
              long started = System.nanoTime();
              try {
                recorder.done(i, started, publish.test(i), null);
              } catch (RuntimeException e) {
                recorder.done(i, started, false, e);
              }
            }
          }, "blocking-" + t);
          threads[t].start();
        }
        for (Thread thread : threads) {
          thread.join();
        }
      }

      @Override
      public void close() throws Exception {
        closer.close();
      }
    };
  }

  /** One thread keeping {@link #ASYNC_IN_FLIGHT} requests in flight. */
  static Driver async(IntFunction<CompletableFuture<Boolean>> publish, Closer closer) {
    return new Driver() {
      @Override
      public void run(int count, Recorder recorder) throws Exception {
        Semaphore slots = new Semaphore(ASYNC_IN_FLIGHT);
        for (int i = 0; i < count; i++) {
          slots.acquire();
          int event = i;
          long started = System.nanoTime();
          CompletableFuture<Boolean> future;
          try {
            future = publish.apply(i);
          } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
          }
          future.whenComplete((ok, error) -> {
            recorder.done(event, started, error == null && Boolean.TRUE.equals(ok), error);
            slots.release();
          });
        }
        slots.acquire(ASYNC_IN_FLIGHT);
      }

      @Override
      public void close() throws Exception {
        closer.close();
      }
    };
  }

  /** One thread publishing as fast as the publisher accepts (it waits when its queue is full). */
  static Driver publisher(ChannelsClient client, PublisherOptions options) {
    Publisher publisher = client.publisher(options);
    Event[] events = new Event[Workload.CHANNELS];
    for (int c = 0; c < events.length; c++) {
      events[c] = Event.of(Workload.channel(c), Workload.EVENT, Workload.DATA);
    }
    return new Driver() {
      @Override
      public void run(int count, Recorder recorder) {
        for (int i = 0; i < count; i++) {
          int event = i;
          long started = System.nanoTime();
          publisher.publish(events[i % events.length])
              .whenComplete((counts, error) -> recorder.done(event, started, error == null, error));
        }
        publisher.flush();
      }

      @Override
      public void close() {
        publisher.close();
        client.close();
      }
    };
  }

  /** Diagnostic: channels4j's transport alone, sending the floor's pre-signed request. */
  static Driver transportOnly(int port) {
    byte[] body = floorBody();
    URI uri = floorUri(port, body);
    dev.channels4j.internal.transport.ApacheTransport transport = new dev.channels4j.internal.transport.ApacheTransport(
        java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(5), 64, null);
    dev.channels4j.spi.TransportRequest request = new dev.channels4j.spi.TransportRequest(
        "POST", uri, Map.of("Content-Type", "application/json", "X-Pusher-Library", "channels4j"), body,
        java.time.Duration.ofSeconds(5));
    return async(i -> transport.send(request).thenApply(r -> r.status() == 200), transport::close);
  }

  static byte[] floorBody() {
    return ("{\"name\":\"" + Workload.EVENT + "\",\"channels\":[\"" + Workload.channel(0) + "\"],\"data\":"
        + "\"{\\\"symbol\\\":\\\"ACME\\\",\\\"price\\\":101.25,\\\"message\\\":\\\"hello world\\\"}\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static URI floorUri(int port, byte[] body) {
    return floorUri(port, body, false);
  }

  static URI floorUri(int port, byte[] body, boolean tls) {
    String path = "/apps/" + Workload.APP_ID + "/events";
    String query = new RequestSigner(Workload.KEY, Workload.SECRET)
        .signedQuery("POST", path, Map.of(), body, System.currentTimeMillis() / 1000);
    return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port + path + "?" + query);
  }

  /**
   * The blocking floor: HttpClient 5's classic (blocking) client, configured as channels4j's
   * blocking path is, {@link #BLOCKING_THREADS} threads posting one pre-built body to one
   * pre-signed URI and reading each answer on their own thread.
   */
  static Driver classicFloor(int port) {
    byte[] body = floorBody();
    URI uri = floorUri(port, body);
    CloseableHttpClient http = HttpClients.createMinimal(PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(64).setMaxConnPerRoute(64).build());
    return blocking(i -> {
      HttpPost post = new HttpPost(uri);
      post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
      try {
        return http.execute(post, response -> {
          EntityUtils.consume(response.getEntity());
          return response.getCode() == 200;
        });
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, () -> http.close(CloseMode.GRACEFUL));
  }

  /**
   * The floor: HttpClient 5's minimal async client, configured as channels4j's transport is, posting one
   * pre-built body to one pre-signed URI. No validation, JSON, signing or response parsing per
   * request. Async: {@link #ASYNC_IN_FLIGHT} in flight; blocking (not in {@link #ALL}: a diagnostic
   * of what waiting on the async client costs): {@link #BLOCKING_THREADS} threads each waiting for
   * its answer.
   */
  static Driver floor(int port, boolean blocking, SelfSignedCertificate tls) {
    byte[] body = floorBody();
    URI uri = floorUri(port, body, tls != null);
    PoolingAsyncClientConnectionManagerBuilder connections =
        PoolingAsyncClientConnectionManagerBuilder.create().setMaxConnTotal(64).setMaxConnPerRoute(64);
    if (tls != null) {
      connections.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls.clientContext()).build());
    }
    CloseableHttpAsyncClient http = HttpAsyncClients.createMinimal(
        HttpVersionPolicy.FORCE_HTTP_1, H2Config.DEFAULT, Http1Config.DEFAULT,
        IOReactorConfig.custom().setIoThreadCount(2).build(), connections.build());
    http.start();
    IntFunction<CompletableFuture<Boolean>> post = i -> {
      CompletableFuture<Boolean> result = new CompletableFuture<>();
      http.execute(SimpleRequestBuilder.post(uri).setBody(body, ContentType.APPLICATION_JSON).build(),
          new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
              result.complete(response.getCode() == 200);
            }

            @Override
            public void failed(Exception e) {
              result.completeExceptionally(e);
            }

            @Override
            public void cancelled() {
              result.cancel(false);
            }
          });
      return result;
    };
    Closer closer = () -> http.close(CloseMode.GRACEFUL);
    return blocking ? blocking(i -> post.apply(i).join(), closer) : async(post, closer);
  }
}
