package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.Publisher;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Spring sample's case: one publisher, publishes spaced by growing quiet periods. */
class PublisherAfterIdleTest {
  @Test
  void publishesAfterQuietPeriodsEachComplete() throws Exception {
    try (LocalServer server = LocalServer.builder().port(0).build().start();
         ChannelsClient client = ChannelsClient.fromUrl(server.pusherUrl())) {
      Publisher publisher = client.publisher();
      for (int i = 0; i < 4; i++) {
        // Past the pool's one-second validation threshold from the second pause on.
        Thread.sleep(700L * i);
        assertThat(publisher.publish(Event.of("idle-" + i, "e", Map.of())).get(30, TimeUnit.SECONDS)).isNotNull();
      }
    }
  }
}
