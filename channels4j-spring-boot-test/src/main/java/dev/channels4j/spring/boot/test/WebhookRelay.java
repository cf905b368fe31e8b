package dev.channels4j.spring.boot.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.core.env.Environment;

/**
 * Forwards the local server's webhooks to the application's webhook endpoint. The local server needs
 * its webhook URL when it starts, before the application has a port; the relay has one at once and
 * looks the application's port up ({@code local.server.port}) when a webhook arrives. Until then it
 * answers 503, which the local server retries. Bodies are bounded (1 MB) and forwarded byte for
 * byte with the signature headers.
 */
final class WebhookRelay implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WebhookRelay.class.getName());
  private static final int MAX_BODY = 1 << 20;
  private static final List<String> FORWARDED = List.of("Content-Type", "X-Pusher-Key", "X-Pusher-Signature");

  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient client;
  private final Environment environment;

  private WebhookRelay(HttpServer server, ExecutorService executor, Environment environment) {
    this.server = server;
    this.executor = executor;
    this.environment = environment;
    // The client has its own threads: the relay's one thread waits for the client's answer.
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  static WebhookRelay start(Environment environment) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "channels4j-webhook-relay");
        thread.setDaemon(true);
        return thread;
      });
      WebhookRelay relay = new WebhookRelay(server, executor, environment);
      server.createContext("/", relay::handle);
      server.setExecutor(executor);
      server.start();
      return relay;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the webhook relay on 127.0.0.1", e);
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String port = environment.getProperty("local.server.port");
      if (port == null) {
        respond(exchange, 503);
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        respond(exchange, 413);
        return;
      }
      String path = environment.getProperty("channels4j.webhooks.path", "/pusher/webhooks");
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(10))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      for (String name : FORWARDED) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value != null) {
          request.header(name, value);
        }
      }
      int status;
      try {
        status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        status = 502;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = 503;
      }
      LOG.log(System.Logger.Level.DEBUG, "relayed a webhook to port {0}: {1}", port, status);
      respond(exchange, status);
    }
  }

  private static void respond(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    try (OutputStream ignored = exchange.getResponseBody()) {
      // no body
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
