package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.protocol.SocketMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PublicChannelTest {
  @RegisterExtension
  static final LocalServerExtension SERVER = LocalServerExtension.perClass();

  @Test
  void connectionEstablishedCarriesSocketIdAndActivityTimeout(Peer subscriber) {
    SocketMessage established = subscriber.events().get(0);
    assertThat(established.event()).isEqualTo("pusher:connection_established");
    assertThat(Peer.dataMap(established)).containsEntry("activity_timeout", 120);
    assertThat(subscriber.socketId()).matches("\\d+\\.\\d+");
  }

  @Test
  void subscriptionSucceededCarriesData(Peer subscriber) {
    SocketMessage succeeded = subscriber.subscribe("orders");
    assertThat(succeeded.data()).isEqualTo("{}");
  }

  @Test
  void triggeredEventReachesSubscriber(ChannelsClient client, Peer subscriber) {
    subscriber.subscribe("orders");
    client.trigger("orders", "created", Map.of("id", 42));
    SocketMessage event = subscriber.awaitEvent("orders", "created");
    assertThat(Peer.dataMap(event)).containsEntry("id", 42);
  }

  @Test
  void eventOnOtherChannelIsNotDelivered(ChannelsClient client, Peer subscriber) {
    subscriber.subscribe("a-channel");
    subscriber.assertNotDelivered(client, "b-channel", "created", "a-channel");
  }

  @Test
  void excludedSocketDoesNotReceiveEvent(ChannelsClient client, Peer sender, Peer other) {
    sender.subscribe("room");
    other.subscribe("room");
    client.trigger(dev.channels4j.Event.of(List.of("room"), "said", "hi").excluding(sender.socketId()));
    client.trigger("room", "marker", "m");
    other.awaitEvent("room", "said");
    sender.awaitEvent("room", "marker");
    assertThat(sender.events("room", "said")).isEmpty();
  }

  @Test
  void unsubscribedConnectionStopsReceiving(ChannelsClient client, Peer subscriber) {
    subscriber.subscribe("news");
    subscriber.unsubscribe("news");
    subscriber.sync();
    subscriber.subscribe("other");
    subscriber.assertNotDelivered(client, "news", "story", "other");
  }

  @Test
  void acceptedEventsAreRecorded(LocalServer server, ChannelsClient client) {
    server.app().clearAcceptedEvents();
    client.trigger(List.of("c1", "c2"), "ev", "{\"a\":1}");
    assertThat(server.acceptedEvents())
        .extracting(AcceptedEvent::channel, AcceptedEvent::event, AcceptedEvent::data)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("c1", "ev", "{\"a\":1}"),
            org.assertj.core.groups.Tuple.tuple("c2", "ev", "{\"a\":1}"));
  }
}
