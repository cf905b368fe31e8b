package dev.channels4j.spi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one HTTP request to the Channels API. The default transport is Apache HttpClient 5 with a
 * pooled, keep-alive connection manager; plug in your own to reuse an HTTP stack you already run.
 *
 * <p>An implementation must be thread-safe and must not follow redirects. It completes the future
 * with any response it receives, whatever its status, and completes it exceptionally (with an
 * {@link java.io.IOException} such as {@link java.net.ConnectException} or
 * {@link java.net.SocketTimeoutException}) only when no response arrived.
 *
 * <pre>{@code
 * Transport mine = request -> myHttp.send(request.method(), request.uri(), request.headers(), request.body())
 *     .thenApply(r -> new TransportResponse(r.status(), r.body()));
 * ChannelsClient client = ChannelsClient.builder()...transport(mine).build();
 * }</pre>
 */
@FunctionalInterface
public interface Transport extends AutoCloseable {

  /** Sends the request; never blocks the calling thread for the response. */
  CompletableFuture<TransportResponse> send(TransportRequest request);

  /**
   * Sends the request and waits for its response on the calling thread: what the blocking
   * {@code ChannelsClient} methods call. The default waits for {@link #send} for at most the
   * request's {@link TransportRequest#timeout() timeout}, then cancels it; a transport with a
   * blocking HTTP stack may do better, since waiting for another thread's I/O costs two thread
   * hand-offs per request.
   *
   * @throws TimeoutException when no response arrived within the request's timeout
   * @throws Exception what {@link #send}'s future would have failed with, such as an
   *     {@link java.io.IOException}
   */
  default TransportResponse execute(TransportRequest request) throws Exception {
    CompletableFuture<TransportResponse> response = send(request);
    try {
      return response.get(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (TimeoutException | InterruptedException e) {
      response.cancel(true);
      throw e;
    }
  }

  /**
   * Releases connections and threads. {@code ChannelsClient.close()} calls it only on the default
   * transport it made itself; a transport you pass to the builder is yours to close, after every
   * client using it.
   */
  @Override
  default void close() {}
}
