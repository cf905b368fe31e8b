package dev.channels4j.benchmarks.load;

import dev.channels4j.local.LocalServer;
import dev.channels4j.testsupport.network.SelfSignedCertificate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
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
 * {@code PORT <n>} once it listens on 127.0.0.1, then serves until killed. Each line
 * {@code STATS} on its standard input is answered with {@code STATS <connections> <handshakes>}:
 * connections accepted and TLS handshakes completed so far.
 *
 * <ul>
 *   <li>{@code minimal}: Jetty 12 core, a non-blocking handler that reads the body and answers
 *       {@code {}}; nothing is parsed or checked, so the sink costs as little as an HTTP server can.
 *   <li>{@code local}: channels4j-local's {@link LocalServer}, which checks every request as Pusher
 *       does (signature, timestamp, body MD5, names, limits) and publishes the events (to no
 *       subscriber here). Its per-event INFO log is turned down to WARN by the harness.
 * </ul>
 *
 * <p>{@code sink minimal --tls DIR} serves HTTPS (TLS 1.2/1.3, Jetty's defaults) with the
 * {@link SelfSignedCertificate} stored in {@code DIR}, and counts the handshakes it completes.
 */
public final class Sinks {
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  private Sinks() {}

  private static final LongAdder CONNECTIONS = new LongAdder();
  private static final LongAdder HANDSHAKES = new LongAdder();

  public static void main(String[] args) throws Exception {
    String kind = args.length == 0 ? "minimal" : args[0];
    Path tls = args.length >= 3 && args[1].equals("--tls") ? Path.of(args[2]) : null;
    if (tls != null && !kind.equals("minimal")) {
      throw new IllegalArgumentException("--tls is supported by the minimal sink only (channels4j-local has no TLS yet)");
    }
    int port = switch (kind) {
      case "minimal" -> minimal(tls);
      case "local" -> local();
      default -> throw new IllegalArgumentException("unknown sink " + kind + "; known: minimal, local");
    };
    System.out.println("PORT " + port);
    System.out.flush();
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = commands.readLine()) != null) {
      if (line.equals("STATS")) {
        System.out.println("STATS " + CONNECTIONS.sum() + " " + HANDSHAKES.sum());
        System.out.flush();
      }
    }
    // stdin closed: the harness is gone or done; serve on until killed, as before
    Thread.currentThread().join();
  }

  static int local() {
    LocalServer server = LocalServer.builder().port(0)
        .appId(Workload.APP_ID).key(Workload.KEY).secret(Workload.SECRET)
        .build().start();
    return server.port();
  }

  static int minimal(Path tls) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(16, 4);
    threads.setName("sink");
    Server server = new Server(threads);
    ServerConnector connector;
    if (tls == null) {
      connector = new ServerConnector(server, 1, 1);
    } else {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(SelfSignedCertificate.existing(tls).keyStore().toString());
      ssl.setKeyStoreType("PKCS12");
      ssl.setKeyStorePassword(SelfSignedCertificate.PASSWORD);
      // Two selectors: TLS costs the sink more than plaintext, and the sink must not be the limit.
      connector = new ServerConnector(server, 1, 2, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory());
      connector.addBean(new SslHandshakeListener() {
        @Override
        public void handshakeSucceeded(Event event) {
          HANDSHAKES.increment();
        }
      });
    }
    connector.addBean(new Connection.Listener() {
      @Override
      public void onOpened(Connection connection) {
        if (tls == null || connection instanceof SslConnection) {
          CONNECTIONS.increment();
        }
      }
    });
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
