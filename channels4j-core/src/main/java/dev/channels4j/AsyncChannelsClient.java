package dev.channels4j;

import dev.channels4j.internal.api.ApiRequest;
import dev.channels4j.internal.api.Dispatcher;
import dev.channels4j.internal.api.RawRequests;
import dev.channels4j.internal.api.Requests;
import dev.channels4j.internal.api.Responses;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The network operations of a {@link ChannelsClient}, each returning a {@link CompletableFuture}
 * instead of blocking: the same operations, arguments and checks. Obtain it with
 * {@link ChannelsClient#async()}; it shares the client's connection pool and is closed with it.
 *
 * <p><b>These methods never throw.</b> Every failure, a {@code null} or invalid argument included,
 * fails the returned future with the {@link ChannelsException} the blocking method would have
 * thrown: a {@link ValidationException} (then nothing was sent), an {@link ApiException} or a
 * {@link TransportException}. Why not throw programmer errors at once, as OkHttp's
 * {@code enqueue(null)} does? Because the blocking side reports a {@code null} and a malformed
 * channel name alike, as a {@code ValidationException}, and a caller of the async side should
 * find both in the one place it already handles failures: the future.
 *
 * <p>Cancelling a returned future, or failing it with {@code orTimeout}, cancels its request: the
 * exchange in flight is abandoned and no retry starts. A POST cancelled in flight may still have
 * been published.
 *
 * <pre>{@code
 * client.async().trigger("orders", "created", order)
 *     .whenComplete((result, error) -> { if (error != null) log.warn("publish failed", error); });
 * }</pre>
 */
public final class AsyncChannelsClient {
  private final Requests requests;
  private final Dispatcher dispatcher;
  private final RawRequests rawRequests;

  AsyncChannelsClient(Requests requests, Dispatcher dispatcher, RawRequests rawRequests) {
    this.requests = requests;
    this.dispatcher = dispatcher;
    this.rawRequests = rawRequests;
  }

  /** As {@link ChannelsClient#trigger(String, String, Object)}. */
  public CompletableFuture<TriggerResult> trigger(String channel, String event, Object data) {
    return callWithRequest(() -> requests.trigger(Event.of(channel, event, data)), Responses::trigger);
  }

  /** As {@link ChannelsClient#trigger(List, String, Object)}. */
  public CompletableFuture<TriggerResult> trigger(List<String> channels, String event, Object data) {
    return callWithRequest(() -> requests.trigger(Event.of(channels, event, data)), Responses::trigger);
  }

  /** As {@link ChannelsClient#trigger(Event)}. */
  public CompletableFuture<TriggerResult> trigger(Event event) {
    return callWithRequest(() -> requests.trigger(event), Responses::trigger);
  }

  /** As {@link ChannelsClient#triggerBatch(List)}. */
  public CompletableFuture<BatchResult> triggerBatch(List<Event> events) {
    return callWithRequest(() -> requests.batch(events), Responses::batch);
  }

  /** As {@link ChannelsClient#sendToUser(String, String, Object)}. */
  public CompletableFuture<Void> sendToUser(String userId, String event, Object data) {
    return call(() -> requests.sendToUser(userId, event, data), response -> null);
  }

  /** As {@link ChannelsClient#terminateUserConnections(String)}. */
  public CompletableFuture<Void> terminateUserConnections(String userId) {
    return call(() -> requests.terminateUserConnections(userId), response -> null);
  }

  /** As {@link ChannelsClient#channels()}: every occupied channel. */
  public CompletableFuture<ChannelList> channels() {
    return channels(ChannelsQuery.all());
  }

  /** As {@link ChannelsClient#channels(ChannelsQuery)}. */
  public CompletableFuture<ChannelList> channels(ChannelsQuery query) {
    return callWithRequest(() -> requests.channels(query), Responses::channels);
  }

  /** As {@link ChannelsClient#channel(String, Info...)}. */
  public CompletableFuture<ChannelInfo> channel(String channel, Info... attributes) {
    return callWithRequest(
        () -> requests.channel(channel, attributes != null && attributes.length == 0 ? Set.of() : Info.setOf(attributes)),
        (request, response) -> Responses.channel(request, response, channel));
  }

  /** As {@link ChannelsClient#users(String)}. */
  public CompletableFuture<List<String>> users(String presenceChannel) {
    return callWithRequest(() -> requests.users(presenceChannel), Responses::users);
  }

  /**
   * A signed {@code GET} of any endpoint; see {@link ChannelsClient#get(String, java.util.Map)}.
   * A bad path or parameter fails the future with a {@link ValidationException}, nothing sent.
   */
  public CompletableFuture<RawResponse> get(String path, java.util.Map<String, String> query) {
    return call(() -> rawRequests.get(path, query), RawResponse::of);
  }

  /** A signed {@code POST} to any endpoint; see {@link ChannelsClient#post(String, Object)}. */
  public CompletableFuture<RawResponse> post(String path, Object body) {
    return call(() -> rawRequests.post(path, body), RawResponse::of);
  }

  private <T> CompletableFuture<T> call(Supplier<ApiRequest> build, Function<Dispatcher.ApiResponse, T> read) {
    return callWithRequest(build, (request, response) -> read.apply(response));
  }

  private <T> CompletableFuture<T> callWithRequest(
      Supplier<ApiRequest> build, BiFunction<ApiRequest, Dispatcher.ApiResponse, T> read) {
    ApiRequest request;
    try {
      request = build.get();
    } catch (ChannelsException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Dispatcher.ApiResponse> sent = dispatcher.send(request);
    CompletableFuture<T> result = sent.thenApply(response -> read.apply(request, response));
    // A dependent's cancel does not reach its source: pass it on, so cancel or orTimeout on the
    // caller's future cancels the request in flight and its retries (a no-op once sent is done).
    result.whenComplete((value, failure) -> sent.cancel(true));
    return result;
  }

  @Override
  public String toString() {
    return "AsyncChannelsClient";
  }
}
