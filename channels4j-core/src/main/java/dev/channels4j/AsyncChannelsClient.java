package dev.channels4j;

import dev.channels4j.internal.api.ApiRequest;
import dev.channels4j.internal.api.Dispatcher;
import dev.channels4j.internal.api.RawRequests;
import dev.channels4j.internal.api.Requests;
import dev.channels4j.internal.api.Responses;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The network operations of a {@link ChannelsClient}, returning {@link CompletableFuture}s instead
 * of blocking. Obtain it with {@link ChannelsClient#async()}; it shares the client's connection
 * pool and is closed with it.
 *
 * <p>Every future fails with a {@link ChannelsException}: a {@link ValidationException} (then
 * nothing was sent), an {@link ApiException} or a {@link TransportException}.
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

  /** Publishes an event on one channel. */
  public CompletableFuture<TriggerResult> trigger(String channel, String event, Object data) {
    return trigger(Trigger.of(channel, event, data));
  }

  /** Publishes an event on up to 100 channels. */
  public CompletableFuture<TriggerResult> trigger(List<String> channels, String event, Object data) {
    return trigger(Trigger.of(channels, event, data));
  }

  /** Publishes an event with options (excluded socket, info attributes). */
  public CompletableFuture<TriggerResult> trigger(Trigger trigger) {
    return call(() -> requests.trigger(trigger), Responses::trigger);
  }

  /** Publishes up to the batch limit of events (10 by default) in one request. */
  public CompletableFuture<BatchResult> triggerBatch(List<Event> events) {
    return call(() -> requests.batch(events), Responses::batch);
  }

  /** Publishes an event to every connection signed in as {@code userId}. */
  public CompletableFuture<Void> sendToUser(String userId, String event, Object data) {
    return call(() -> requests.sendToUser(userId, event, data), response -> null);
  }

  /** Closes every connection signed in as {@code userId}. */
  public CompletableFuture<Void> terminateUserConnections(String userId) {
    return call(() -> requests.terminateUserConnections(userId), response -> null);
  }

  /** Lists occupied channels. */
  public CompletableFuture<ChannelList> channels(ChannelsQuery query) {
    return callWithRequest(() -> requests.channels(query), Responses::channels);
  }

  /** Describes one channel; {@code attributes} among user_count, subscription_count, cache. */
  public CompletableFuture<ChannelInfo> channel(String channel, String... attributes) {
    return callWithRequest(
        () -> requests.channel(channel, attributes.length == 0 ? null : Info.join(java.util.Arrays.asList(attributes))),
        (request, response) -> Responses.channel(request, response, channel));
  }

  /** The user ids present on a presence channel. */
  public CompletableFuture<List<String>> users(String channel) {
    return callWithRequest(() -> requests.users(channel), Responses::users);
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

  private <T> CompletableFuture<T> call(
      Supplier<ApiRequest> build, Function<Dispatcher.ApiResponse, T> read) {
    return callWithRequest(build, (request, response) -> read.apply(response));
  }

  private <T> CompletableFuture<T> callWithRequest(
      Supplier<ApiRequest> build, java.util.function.BiFunction<ApiRequest, Dispatcher.ApiResponse, T> read) {
    ApiRequest request;
    try {
      request = build.get();
    } catch (ChannelsException e) {
      return CompletableFuture.failedFuture(e);
    }
    return dispatcher.send(request).thenApply(response -> read.apply(request, response));
  }

  @Override
  public String toString() {
    return "AsyncChannelsClient";
  }
}
