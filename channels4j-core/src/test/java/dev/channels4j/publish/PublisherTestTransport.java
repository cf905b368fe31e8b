package dev.channels4j.publish;

import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spi.Transport;
import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * A transport that records every batch request it is given and answers as the test says. It also
 * notices when two requests in flight at once carry events of the same channel.
 */
final class PublisherTestTransport implements Transport {
  static final BiFunction<Integer, List<Map<String, Object>>, CompletableFuture<TransportResponse>> OK =
      (index, events) -> CompletableFuture.completedFuture(ok());

  private final BiFunction<Integer, List<Map<String, Object>>, CompletableFuture<TransportResponse>> answer;
  private final List<List<Map<String, Object>>> requests = new ArrayList<>();
  private final List<Set<String>> inFlightChannels = new ArrayList<>();
  private boolean channelInTwoRequests;

  PublisherTestTransport(BiFunction<Integer, List<Map<String, Object>>, CompletableFuture<TransportResponse>> answer) {
    this.answer = answer;
  }

  static TransportResponse ok() {
    return new TransportResponse(200, "{}".getBytes(StandardCharsets.UTF_8));
  }

  static TransportResponse status(int status, String body) {
    return new TransportResponse(status, body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  @SuppressWarnings("unchecked")
  public CompletableFuture<TransportResponse> send(TransportRequest request) {
    Map<String, Object> body = (Map<String, Object>) JacksonJsonCodecs.defaults().parse(new String(request.body(), StandardCharsets.UTF_8));
    List<Map<String, Object>> events = (List<Map<String, Object>>) body.get("batch");
    Set<String> channels = new HashSet<>();
    events.forEach(event -> channels.add((String) event.get("channel")));
    int index;
    synchronized (this) {
      for (Set<String> other : inFlightChannels) {
        if (other.stream().anyMatch(channels::contains)) {
          channelInTwoRequests = true;
        }
      }
      inFlightChannels.add(channels);
      index = requests.size();
      requests.add(events);
    }
    // Leave the in-flight set before the caller sees the answer, as a real response would.
    return answer.apply(index, events).whenComplete((response, error) -> {
      synchronized (this) {
        inFlightChannels.remove(channels);
      }
    });
  }

  synchronized List<List<Map<String, Object>>> requests() {
    return new ArrayList<>(requests);
  }

  synchronized List<Map<String, Object>> sentEvents() {
    List<Map<String, Object>> all = new ArrayList<>();
    requests.forEach(all::addAll);
    return all;
  }

  synchronized boolean sawChannelInTwoRequestsAtOnce() {
    return channelInTwoRequests;
  }
}
