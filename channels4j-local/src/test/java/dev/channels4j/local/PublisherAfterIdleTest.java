package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.Publisher;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Spring sample's case: one publisher, a publish after a quiet period completes. */
class PublisherAfterIdleTest {
  @Test
  void aPublishAfterAQuietPeriodCompletes() throws Exception {
    try (LocalServer server = LocalServer.builder().port(0).build().start();
         ChannelsClient client = ChannelsClient.fromUrl(server.pusherUrl())) {
      Publisher publisher = client.publisher();
      assertThat(publisher.publish(Event.of("idle-0", "e", Map.of())).get(30, TimeUnit.SECONDS)).isNotNull();
      // A real pause, the one fixed sleep left here: the pooled connection must sit idle past the
      // HTTP client's one-second validate-after-inactivity threshold, which reads the real clock.
      Thread.sleep(1_100);
      assertThat(publisher.publish(Event.of("idle-1", "e", Map.of())).get(30, TimeUnit.SECONDS)).isNotNull();
    }
  }
}
