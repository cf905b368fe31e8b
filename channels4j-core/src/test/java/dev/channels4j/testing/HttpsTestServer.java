package dev.channels4j.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS server on {@code 127.0.0.1:<ephemeral>} answering every request 200 {@code {}}, and
 * counting the requests that reached it (a handshake that failed reaches nothing).
 */
public final class HttpsTestServer implements AutoCloseable {
  private final HttpsServer server;
  private final ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();

  private HttpsTestServer(HttpsServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Serves with {@code context}'s certificate. */
  public static HttpsTestServer start(SSLContext context) {
    try {
      HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      server.setHttpsConfigurator(new HttpsConfigurator(context));
      ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "https-test-server");
        thread.setDaemon(true);
        return thread;
      });
      HttpsTestServer https = new HttpsTestServer(server, executor);
      server.createContext("/", exchange -> {
        https.requests.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.setExecutor(executor);
      server.start();
      return https;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the test HTTPS server", e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** How many requests reached the handler. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
