package dev.channels4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.spi.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ChannelsWebhookFilterTest {

  /** An application's codec that fails in its own way on a body it cannot read. */
  private static final JsonCodec STRICT_CODEC = new JsonCodec() {
    @Override
    public String toJson(Object value) {
      return "{}";
    }

    @Override
    public Object parse(String json) {
      throw new IllegalStateException("the application's mapper refuses this body");
    }
  };

  @Test
  void aBodyTheApplicationsCodecCannotReadIs401NotA500() throws Exception {
    try (ChannelsClient client = ChannelsClient.builder().appId("1").key("key").secret("secret")
        .host("127.0.0.1").useTls(false).jsonCodec(STRICT_CODEC).build()) {
      List<Object> published = new ArrayList<>();
      ChannelsWebhookFilter filter = new ChannelsWebhookFilter(client, published::add, ChannelsMetrics.NONE,
          Duration.ofMinutes(5), 1 << 20, Clock.systemUTC());
      byte[] body = ("{\"time_ms\":" + System.currentTimeMillis() + ",\"events\":[]}").getBytes(StandardCharsets.UTF_8);
      MockHttpServletRequest request = new MockHttpServletRequest("POST", "/pusher/webhooks");
      request.setContent(body);
      request.setContentType("application/json");
      client.signWebhook(body).forEach((name, values) -> request.addHeader(name, values.get(0)));
      MockHttpServletResponse response = new MockHttpServletResponse();

      filter.doFilter(request, response, new MockFilterChain());

      assertThat(response.getStatus()).isEqualTo(401);
      assertThat(published).isEmpty();
    }
  }
}
