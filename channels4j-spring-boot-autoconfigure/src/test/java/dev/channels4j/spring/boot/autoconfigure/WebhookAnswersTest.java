package dev.channels4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookAnswersTest {

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
  void aBodyTheApplicationsCodecCannotReadIs401NotA500() {
    try (ChannelsClient client = ChannelsClient.builder().appId("1").key("key").secret("secret")
        .host("127.0.0.1").useTls(false).jsonCodec(STRICT_CODEC).build()) {
      List<Object> published = new ArrayList<>();
      WebhookAnswers answers = new WebhookAnswers(client, published::add, ChannelsMetrics.NONE,
          JacksonJsonCodecs.defaults(), "/pusher/webhooks", Duration.ofMinutes(5), 1 << 20, Clock.systemUTC());
      byte[] body = ("{\"time_ms\":" + System.currentTimeMillis() + ",\"events\":[]}").getBytes(StandardCharsets.UTF_8);

      JsonAnswer answer = answers.receive(client.signWebhook(body), body);

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.body()).isEqualTo("{\"error\":\"invalid webhook\"}");
      assertThat(published).isEmpty();
    }
  }
}
