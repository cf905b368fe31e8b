package dev.channels4j.spring.boot.autoconfigure.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.spring.boot.autoconfigure.web.EndpointsContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The endpoints on a WebFlux application (a real Netty server), answering as on servlet. */
@SpringBootTest(classes = ReactiveTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.main.web-application-type=reactive",
    "channels4j.encryption-master-key=" + EndpointsContract.MASTER_KEY,
    "channels4j.webhooks.max-body-size=4KB"})
class ReactiveEndpointsTest extends EndpointsContract {
  @Autowired
  ReactiveTestApp.Threads threads;

  @Test
  void aRuleRunsOffTheEventLoopWhereItMayBlock() throws Exception {
    assertThat(as("alice").auth("private-thread").statusCode()).isEqualTo(200);
    assertThat(threads.seen).singleElement().asString().startsWith("boundedElastic-");
  }
}
