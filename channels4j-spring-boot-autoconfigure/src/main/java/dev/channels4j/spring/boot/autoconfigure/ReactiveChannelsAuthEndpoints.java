package dev.channels4j.spring.boot.autoconfigure;

import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The WebFlux adapter of {@code POST /pusher/auth} and {@code POST /pusher/user-auth}: reads the
 * form and the principal without blocking, then asks {@link AuthAnswers} on Reactor's
 * bounded-elastic scheduler, because {@code @ChannelAuthorization} rules and the user resolver may
 * block (a repository call) and must not hold an event-loop thread.
 */
@Controller
final class ReactiveChannelsAuthEndpoints {
  private static final String ANONYMOUS = "org.springframework.security.authentication.AnonymousAuthenticationToken";

  private final AuthAnswers answers;

  ReactiveChannelsAuthEndpoints(AuthAnswers answers) {
    this.answers = answers;
  }

  @PostMapping(path = "${channels4j.auth.channel-path:/pusher/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Mono<ResponseEntity<String>> authorizeChannel(ServerWebExchange exchange) {
    return exchange.getFormData().zipWith(principal(exchange)).flatMap(request -> offTheEventLoop(() ->
        answers.authorizeChannel(parameter(exchange, request.getT1(), "socket_id"),
            parameter(exchange, request.getT1(), "channel_name"), request.getT2().orElse(null))));
  }

  @PostMapping(path = "${channels4j.auth.user-path:/pusher/user-auth}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Mono<ResponseEntity<String>> authenticateUser(ServerWebExchange exchange) {
    return exchange.getFormData().zipWith(principal(exchange)).flatMap(request -> offTheEventLoop(() ->
        answers.authenticateUser(parameter(exchange, request.getT1(), "socket_id"), request.getT2().orElse(null))));
  }

  private static Mono<ResponseEntity<String>> offTheEventLoop(Callable<JsonAnswer> answer) {
    return Mono.fromCallable(answer).subscribeOn(Schedulers.boundedElastic())
        .map(json -> ResponseEntity.status(json.status()).contentType(MediaType.APPLICATION_JSON).body(json.body()));
  }

  /** A form field, else a query parameter: what a servlet's getParameter gives. */
  private static String parameter(ServerWebExchange exchange, MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value != null ? value : exchange.getRequest().getQueryParams().getFirst(name);
  }

  /**
   * The request's principal; empty when anonymous. Spring Security's anonymous token is a principal
   * on WebFlux, but not on servlet ({@code getUserPrincipal()} is null): treated as no principal, so
   * rules see the same on both stacks.
   */
  private static Mono<Optional<Principal>> principal(ServerWebExchange exchange) {
    return exchange.getPrincipal().<Optional<Principal>>map(p -> p.getClass().getName().equals(ANONYMOUS)
        ? Optional.empty() : Optional.of(p)).defaultIfEmpty(Optional.empty());
  }
}
