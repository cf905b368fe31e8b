package dev.channels4j.internal.publish;

import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.Transport;
import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A transport whose answers wait until the test gives them: each request stays in flight till then. */
final class HeldTransport implements Transport {
  record Sent(List<Map<String, Object>> events, CompletableFuture<TransportResponse> answer) {
    List<Object> channels() {
      return events.stream().map(e -> e.get("channel")).toList();
    }

    void answer(int status) {
      answer.complete(new TransportResponse(status, "{}".getBytes(StandardCharsets.UTF_8)));
    }
  }

  private final List<Sent> sent = new ArrayList<>();
  private int answered;

  @Override
  @SuppressWarnings("unchecked")
  public CompletableFuture<TransportResponse> send(TransportRequest request) {
    Map<String, Object> body = (Map<String, Object>) JacksonJsonCodecs.defaults()
        .parse(new String(request.body(), StandardCharsets.UTF_8));
    CompletableFuture<TransportResponse> answer = new CompletableFuture<>();
    synchronized (this) {
      sent.add(new Sent((List<Map<String, Object>>) body.get("batch"), answer));
    }
    return answer;
  }

  synchronized List<Sent> sent() {
    return new ArrayList<>(sent);
  }

  /** Answers, with {@code status}, every request not answered yet. */
  void answerAll(int status) {
    List<Sent> waiting;
    synchronized (this) {
      waiting = new ArrayList<>(sent.subList(answered, sent.size()));
      answered = sent.size();
    }
    waiting.forEach(request -> request.answer(status));
  }
}
