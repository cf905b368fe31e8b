package dev.channels4j.spi;

import java.util.concurrent.CompletableFuture;

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

  /** Releases connections and threads. The client calls it from {@code ChannelsClient.close()}. */
  @Override
  default void close() {}
}
