package dev.channels4j.testing;

import dev.channels4j.spi.Transport;
import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Transport} that answers 200 {@code {}} without a network and keeps every request, to see
 * which URI a client would call (e.g. {@code https://api-eu.pusher.com:443}) without calling it.
 */
public final class CapturingTransport implements Transport {
  private final List<TransportRequest> requests = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  @Override
  public CompletableFuture<TransportResponse> send(TransportRequest request) {
    requests.add(request);
    return CompletableFuture.completedFuture(new TransportResponse(200, "{}".getBytes(StandardCharsets.UTF_8)));
  }

  /** Every request sent so far, in order. */
  public List<TransportRequest> requests() {
    return List.copyOf(requests);
  }

  public TransportRequest onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + requests);
    }
    return requests.get(0);
  }

  /** The only request in the shape {@link SignatureCheck} reads. */
  public RecordingHttpServer.Recorded onlyRequestAsRecorded() {
    TransportRequest request = onlyRequest();
    return new RecordingHttpServer.Recorded(
        request.method(),
        request.uri().getRawPath(),
        request.uri().getRawQuery(),
        Map.of(),
        request.body() == null ? new byte[0] : request.body());
  }

  @Override
  public void close() {
    closed = true;
  }

  public boolean isClosed() {
    return closed;
  }
}
