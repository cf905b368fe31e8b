package dev.channels4j.spring.boot.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The endpoints on a servlet application (Tomcat), plus what actuator shows of channels4j. */
@SpringBootTest(classes = WebTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "management.endpoints.web.exposure.include=env,configprops,health",
    "management.endpoint.env.show-values=always",
    "management.endpoint.configprops.show-values=always",
    "management.endpoint.health.show-details=always",
    "channels4j.encryption-master-key=" + EndpointsContract.MASTER_KEY,
    "channels4j.webhooks.max-body-size=4KB"})
class ChannelsWebEndpointsTest extends EndpointsContract {
  // ---- actuator --------------------------------------------------------------------------

  @Test
  void theSecretIsMaskedInActuatorEnv() throws Exception {
    Http http = anonymous();
    String env = http.send(http.request("/actuator/env").GET().build()).body();
    assertThat(env).contains("channels4j.url").doesNotContain(server.pusherUrl())
        .doesNotContain("MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=");
  }

  @Test
  void theSecretIsMaskedInActuatorConfigprops() throws Exception {
    Http http = anonymous();
    String props = http.send(http.request("/actuator/configprops").GET().build()).body();
    assertThat(props).contains("channels4j").doesNotContain("app-secret")
        .doesNotContain("MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=");
  }

  @Test
  void theHealthIndicatorIsPartOfActuatorHealth() throws Exception {
    Http http = anonymous();
    HttpResponse<String> health = http.send(http.request("/actuator/health/channels4j").GET().build());
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(health.body()).contains("\"UP\"").contains("consecutiveFailures");
  }
}
