package dev.channels4j.cli.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.channels4j.ChannelsClient;
import dev.channels4j.WebhookVerificationException;
import dev.channels4j.webhook.Webhook;
import dev.channels4j.webhook.WebhookEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The demo app's webhook endpoint: an HTTP server on 127.0.0.1 that verifies each webhook with
 * the app's client, as an application would, and keeps what it received.
 */
final class WebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private volatile ChannelsClient client;
  private final Lock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final List<Received> received = new ArrayList<>();

  /** One webhook as it arrived: its raw body and headers, and the verified webhook or the refusal. */
  record Received(byte[] body, String signature, Webhook webhook, String refusal) {}

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  /** Starts listening; webhooks are refused until {@link #verifyWith} names the app's client. */
  static WebhookReceiver start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    WebhookReceiver receiver = new WebhookReceiver(server);
    server.createContext("/webhooks", receiver::handle);
    server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "channels4j-demo-webhooks");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    return receiver;
  }

  void verifyWith(ChannelsClient client) {
    this.client = client;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks");
  }

  /** The first verified webhook with an event that matches, waiting up to {@code timeout}. */
  Optional<Received> await(Predicate<WebhookEvent> match, Duration timeout) {
    long left = timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        for (Received webhook : received) {
          if (webhook.webhook() != null && webhook.webhook().events().stream().anyMatch(match)) {
            return Optional.of(webhook);
          }
        }
        if (left <= 0) {
          return Optional.empty();
        }
        left = arrived.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  /** How many webhooks arrived, and how many of them were refused. */
  int[] counts() {
    lock.lock();
    try {
      int refused = (int) received.stream().filter(r -> r.webhook() == null).count();
      return new int[] {received.size(), refused};
    } finally {
      lock.unlock();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = exchange.getRequestHeaders();
      String signature = exchange.getRequestHeaders().getFirst("X-Pusher-Signature");
      Received entry;
      int status;
      ChannelsClient verifier = client;
      if (verifier == null) {
        entry = new Received(body, signature, null, "the demo app is not ready yet");
        status = 401;
      } else {
        try {
          entry = new Received(body, signature, verifier.verifyWebhook(headers, body), null);
          status = 200;
        } catch (WebhookVerificationException e) {
          entry = new Received(body, signature, null, e.getMessage());
          status = 401;
        }
      }
      lock.lock();
      try {
        received.add(entry);
        arrived.signalAll();
      } finally {
        lock.unlock();
      }
      exchange.sendResponseHeaders(status, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
