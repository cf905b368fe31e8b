package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.protocol.SocketMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hundreds of subscribers, thousands of events: each delivered once, in publish order per channel. */
class FanOutTest {
  private static final int SUBSCRIBERS = 200;
  private static final int CHANNELS = 10;
  private static final int EVENTS = 2000;

  @Test
  void everyEventIsDeliveredOnceInPublishOrderPerChannel() {
    List<Peer> subscribers = new ArrayList<>();
    try (LocalServer server = LocalServer.builder().port(0).build().start();
        ChannelsClient client = server.newClient()) {
      for (int i = 0; i < SUBSCRIBERS; i++) {
        Peer subscriber = Peer.connect(server, client);
        subscribers.add(subscriber);
        subscriber.subscribe("fan-" + (i % CHANNELS));
      }
      List<Event> batch = new ArrayList<>();
      for (int n = 0; n < EVENTS; n++) {
        batch.add(Event.of("fan-" + (n % CHANNELS), "tick", Integer.toString(n / CHANNELS)));
        if (batch.size() == 10) {
          client.triggerBatch(batch);
          batch.clear();
        }
      }
      int perChannel = EVENTS / CHANNELS;
      List<String> expected = IntStream.range(0, perChannel).mapToObj(Integer::toString).toList();
      for (int i = 0; i < SUBSCRIBERS; i++) {
        Peer subscriber = subscribers.get(i);
        String channel = "fan-" + (i % CHANNELS);
        List<SocketMessage> received = subscriber.awaitEvents(channel, "tick", perChannel);
        assertThat(received).extracting(SocketMessage::data).as("subscriber %d on %s", i, channel)
            .containsExactlyElementsOf(expected);
        subscriber.sync();
        assertThat(subscriber.events().stream().filter(e -> e.event().equals("tick")).count())
            .as("duplicates or strays at subscriber %d", i).isEqualTo(perChannel);
      }
    } finally {
      subscribers.forEach(Peer::close);
    }
  }
}
