package dev.channels4j.benchmarks.load;

import dev.channels4j.local.LocalServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The servers the load harness publishes to, each run in a process of its own. Prints
 * {@code PORT <n>} once it listens on 127.0.0.1, then serves until killed.
 *
 * <ul>
 *   <li>{@code minimal}: Jetty 12 core, a non-blocking handler that reads the body and answers
 *       {@code {}}; nothing is parsed or checked, so the sink costs as little as an HTTP server can.
 *   <li>{@code local}: channels4j-local's {@link LocalServer}, which checks every request as Pusher
 *       does (signature, timestamp, body MD5, names, limits) and publishes the events (to no
 *       subscriber here). Its per-event INFO log is turned down to WARN by the harness.
 * </ul>
 */
public final class Sinks {
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  private Sinks() {}

  public static void main(String[] args) throws Exception {
    String kind = args.length == 0 ? "minimal" : args[0];
    int port = switch (kind) {
      case "minimal" -> minimal();
      case "local" -> local();
      default -> throw new IllegalArgumentException("unknown sink " + kind + "; known: minimal, local");
    };
    System.out.println("PORT " + port);
    System.out.flush();
    Thread.currentThread().join();
  }

  static int local() {
    LocalServer server = LocalServer.builder().port(0)
        .appId(Workload.APP_ID).key(Workload.KEY).secret(Workload.SECRET)
        .build().start();
    return server.port();
  }

  static int minimal() throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(16, 4);
    threads.setName("sink");
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        Content.Source.consumeAll(request, Callback.from(() -> {
          response.setStatus(200);
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
          response.write(true, ByteBuffer.wrap(EMPTY_OBJECT), callback);
        }, callback::failed));
        return true;
      }
    });
    server.start();
    return connector.getLocalPort();
  }
}
