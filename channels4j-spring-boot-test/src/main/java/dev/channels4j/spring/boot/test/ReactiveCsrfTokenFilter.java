package dev.channels4j.spring.boot.test;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Test-only, the WebFlux side of {@link CsrfTokenFilter}: hands a {@link LocalChannels} subscriber
 * the CSRF token of the application's own reactive Spring Security set-up at {@link CsrfTokenFilter#PATH}.
 * Registered only in {@code @AutoConfigureLocalChannels} tests of reactive applications, ordered last,
 * so after the application's {@code SecurityWebFilterChain}: the exchange has passed the application's
 * security as the subscriber (with the test's headers), Spring Security's {@code CsrfWebFilter} has put
 * the {@code Mono<CsrfToken>} it expects into the exchange, and subscribing to it saves the token with
 * the application's own {@code ServerCsrfTokenRepository} (the web session, or the {@code XSRF-TOKEN}
 * cookie). The application's CSRF protection stays on.
 */
final class ReactiveCsrfTokenFilter implements WebFilter, Ordered {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!CsrfTokenFilter.PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
      return chain.filter(exchange);
    }
    ServerHttpResponse answer = exchange.getResponse();
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    if (token == null) {
      return noContent(answer);  // no CSRF protection: nothing to send
    }
    return token.flatMap(csrf -> {
      answer.getHeaders().set(CsrfTokenFilter.HEADER_NAME, csrf.getHeaderName());
      answer.getHeaders().set(CsrfTokenFilter.TOKEN, csrf.getToken());
      answer.getHeaders().setCacheControl("no-store");
      answer.setStatusCode(HttpStatus.OK);
      return answer.setComplete();
    }).switchIfEmpty(Mono.defer(() -> noContent(answer)));
  }

  private static Mono<Void> noContent(ServerHttpResponse answer) {
    answer.setStatusCode(HttpStatus.NO_CONTENT);
    return answer.setComplete();
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
