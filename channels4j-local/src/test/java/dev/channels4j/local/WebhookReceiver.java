package dev.channels4j.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/** A webhook endpoint on 127.0.0.1:0 that records what it receives and answers a chosen status. */
final class WebhookReceiver implements AutoCloseable {
  record Received(Map<String, List<String>> headers, byte[] body) {}

  private final HttpServer server;
  private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  final AtomicInteger attempts = new AtomicInteger();

  /** @param status the status to answer for the n-th request (1-based) */
  WebhookReceiver(IntUnaryOperator status) throws IOException {
    this((n, body) -> status.applyAsInt(n));
  }

  /** A receiver whose answer depends on the body of the webhook. */
  static WebhookReceiver answeringBy(java.util.function.ToIntFunction<String> statusForBody) throws IOException {
    return new WebhookReceiver((n, body) -> statusForBody.applyAsInt(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
  }

  private WebhookReceiver(java.util.function.BiFunction<Integer, byte[], Integer> status) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hooks", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int n = attempts.incrementAndGet();
      int code = status.apply(n, body);
      if (code / 100 == 2) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        received.add(new Received(headers, body));
      }
      exchange.sendResponseHeaders(code, -1);
      exchange.close();
    });
    server.start();
  }

  static WebhookReceiver ok() throws IOException {
    return new WebhookReceiver(n -> 200);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  Received next() throws InterruptedException {
    Received r = received.poll(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no webhook arrived within 5 s at " + url());
    }
    return r;
  }

  Received poll(long millis) throws InterruptedException {
    return received.poll(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
