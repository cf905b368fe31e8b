package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.spi.Transport;
import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times each request and records its outcome for the metrics and the health indicator. The real
 * transport is created on first use, so that a customizer that plugs its own transport leaves no
 * unused connection pool behind.
 */
final class ObservedTransport implements Transport {
  private static final Pattern APP_PATH = Pattern.compile("^.*?/apps/[^/]+(/.*)?$");
  private final Supplier<Transport> factory;
  private final ChannelsMetrics metrics;
  private final RequestOutcomes outcomes;
  private volatile Transport delegate;

  ObservedTransport(Supplier<Transport> factory, ChannelsMetrics metrics, RequestOutcomes outcomes) {
    this.factory = factory;
    this.metrics = metrics;
    this.outcomes = outcomes;
  }

  private Transport delegate() {
    Transport current = delegate;
    if (current == null) {
      synchronized (this) {
        current = delegate;
        if (current == null) {
          current = factory.get();
          delegate = current;
        }
      }
    }
    return current;
  }

  @Override
  public CompletableFuture<TransportResponse> send(TransportRequest request) {
    long start = System.nanoTime();
    String operation = operation(request.uri().getPath());
    return delegate().send(request).whenComplete((response, error) -> record(operation, start, response, error));
  }

  @Override
  public TransportResponse execute(TransportRequest request) throws Exception {
    long start = System.nanoTime();
    String operation = operation(request.uri().getPath());
    TransportResponse response = null;
    Throwable error = null;
    try {
      response = delegate().execute(request);
      return response;
    } catch (Exception e) {
      error = e;
      throw e;
    } finally {
      record(operation, start, response, error);
    }
  }

  private void record(String operation, long start, TransportResponse response, Throwable error) {
    int status = response == null ? 0 : response.status();
    String outcome = outcome(status, error);
    metrics.request(operation, outcome, System.nanoTime() - start);
    outcomes.record(outcome, status);
  }

  static String outcome(int status, Throwable error) {
    if (error != null || status == 0) {
      return "transport_error";
    }
    if (status < 300) {
      return "success";
    }
    return status < 500 ? "client_error" : "server_error";
  }

  /** The API operation of a request path {@code /apps/{id}/...}; a small fixed set, for metric tags. */
  static String operation(String path) {
    Matcher app = APP_PATH.matcher(path);
    String rest = app.matches() && app.group(1) != null ? app.group(1) : path;
    if (rest.equals("/events")) {
      return "trigger";
    }
    if (rest.equals("/batch_events")) {
      return "trigger_batch";
    }
    if (rest.equals("/channels")) {
      return "channels";
    }
    if (rest.startsWith("/channels/")) {
      return rest.endsWith("/users") ? "users" : "channel";
    }
    if (rest.startsWith("/users/")) {
      return rest.endsWith("/terminate_connections") ? "terminate_user_connections" : "send_to_user";
    }
    return "other";
  }

  @Override
  public void close() {
    Transport current = delegate;
    if (current != null) {
      current.close();
    }
  }
}
