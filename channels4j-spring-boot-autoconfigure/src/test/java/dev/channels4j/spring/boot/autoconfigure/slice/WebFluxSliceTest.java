package dev.channels4j.spring.boot.autoconfigure.slice;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;

import dev.channels4j.spring.boot.AutoConfigureChannelsEndpoints;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

@WebFluxTest(properties = "channels4j.url=http://app-key:app-secret@127.0.0.1:9/apps/1")
@AutoConfigureChannelsEndpoints
@Import(SliceTestApp.Rules.class)
class WebFluxSliceTest {

  @Autowired
  WebTestClient web;

  @Test
  void theAuthEndpointAnswersInAWebFluxSlice() {
    web.mutateWith(mockUser("alice")).mutateWith(csrf()).post().uri("/pusher/auth")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("socket_id", "1.1").with("channel_name", "private-orders.alice"))
        .exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("\"auth\":\"app-key:"));
  }

  @Test
  void theRulesOfTheSliceDecide() {
    web.mutateWith(mockUser("bob")).mutateWith(csrf()).post().uri("/pusher/auth")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("socket_id", "1.1").with("channel_name", "private-orders.alice"))
        .exchange()
        .expectStatus().isForbidden();
  }

  @Test
  void theWebhookEndpointAnswersInAWebFluxSlice() {
    web.post().uri("/pusher/webhooks").bodyValue("{}").exchange().expectStatus().isUnauthorized();
  }
}
