package dev.channels4j.spring.boot.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The WebFlux adapter of the webhook endpoint ({@link WebhookAnswers}): a web filter ahead of Spring
 * Security's, reading the raw body (at most {@code max-body-size} bytes are buffered) and verifying
 * and dispatching it on Reactor's bounded-elastic scheduler, because application listeners may block.
 */
final class ReactiveChannelsWebhookFilter implements WebFilter, Ordered {
  private final WebhookAnswers answers;

  ReactiveChannelsWebhookFilter(WebhookAnswers answers) {
    this.answers = answers;
  }

  /** Ahead of Spring Security's filter chain (-100) and of anything that might read the form. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!request.getPath().pathWithinApplication().value().equals(answers.path())) {
      return chain.filter(exchange);
    }
    if (!HttpMethod.POST.equals(request.getMethod())) {
      exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, "POST");
      return write(exchange.getResponse(), answers.notPosted());
    }
    if (request.getHeaders().getContentLength() > answers.maxBodyBytes()) {
      return write(exchange.getResponse(), answers.tooLarge());
    }
    Map<String, List<String>> headers = headers(request.getHeaders());
    return DataBufferUtils.join(request.getBody(), answers.maxBodyBytes())
        .map(ReactiveChannelsWebhookFilter::bytes)
        .defaultIfEmpty(new byte[0])
        .flatMap(body -> Mono.fromCallable(() -> answers.receive(headers, body)).subscribeOn(Schedulers.boundedElastic()))
        .onErrorResume(DataBufferLimitException.class, e -> Mono.fromSupplier(answers::tooLarge))
        .flatMap(answer -> write(exchange.getResponse(), answer));
  }

  private static byte[] bytes(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }

  private static Map<String, List<String>> headers(HttpHeaders source) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    source.forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
    return headers;
  }

  private static Mono<Void> write(ServerHttpResponse response, JsonAnswer answer) {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    response.getHeaders().setContentLength(bytes.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
  }
}
