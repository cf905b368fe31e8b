package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.auth.PresenceMember;
import dev.channels4j.testkit.LocalChannelsTest;
import dev.channels4j.testkit.ReceivedEvent;
import dev.channels4j.testkit.TestSubscriber;
import java.util.Map;
import org.junit.jupiter.api.Test;

@LocalChannelsTest(clientEvents = true)
class ClientEventsTest {

  private static String errorMessage(TestSubscriber subscriber) {
    return (String) subscriber.awaitEvent("pusher:error").dataMap().get("message");
  }

  @Test
  void clientEventIsRelayedToOtherSubscribers(TestSubscriber sender, TestSubscriber receiver) {
    sender.subscribe("private-chat");
    receiver.subscribe("private-chat");
    sender.trigger("private-chat", "client-typing", Map.of("who", "me"));
    ReceivedEvent event = receiver.awaitEvent("private-chat", "client-typing");
    assertThat(event.dataMap()).containsEntry("who", "me");
  }

  @Test
  void clientEventIsNotEchoedToSender(TestSubscriber sender, TestSubscriber receiver) {
    sender.subscribe("private-echo");
    receiver.subscribe("private-echo");
    sender.trigger("private-echo", "client-x", "data");
    receiver.awaitEvent("private-echo", "client-x");
    sender.sync();
    assertThat(sender.events("private-echo", "client-x")).isEmpty();
  }

  @Test
  void presenceClientEventCarriesSenderUserId(TestSubscriber sender, TestSubscriber receiver) {
    sender.subscribePresence("presence-chat", PresenceMember.of("sender-id"));
    receiver.subscribePresence("presence-chat", PresenceMember.of("receiver-id"));
    sender.trigger("presence-chat", "client-hi", "x");
    assertThat(receiver.awaitEvent("presence-chat", "client-hi").userId()).isEqualTo("sender-id");
  }

  @Test
  void clientEventOnPublicChannelIsRefused(TestSubscriber sender) {
    sender.subscribe("public-chat");
    sender.trigger("public-chat", "client-x", "d");
    assertThat(errorMessage(sender)).contains("only allowed on private and presence channels");
  }

  @Test
  void clientEventOnEncryptedChannelIsRefused(LocalServer server) {
    try (dev.channels4j.ChannelsClient client = dev.channels4j.ChannelsClient.builder().url(server.pusherUrl())
            .encryptionMasterKeyBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").build();
        TestSubscriber sender = TestSubscriber.connect(server, client);
        TestSubscriber receiver = TestSubscriber.connect(server, client)) {
      sender.subscribe("private-encrypted-chat");
      receiver.subscribe("private-encrypted-chat");
      sender.trigger("private-encrypted-chat", "client-x", "d");
      assertThat(errorMessage(sender)).contains("not supported on encrypted channels");
      receiver.sync();
      assertThat(receiver.events("private-encrypted-chat", "client-x")).isEmpty();
    }
  }

  @Test
  void clientEventFromUnsubscribedConnectionIsRefused(TestSubscriber outsider, TestSubscriber member) {
    member.subscribe("private-closed");
    outsider.trigger("private-closed", "client-x", "d");
    assertThat(errorMessage(outsider))
        .isEqualTo("Cannot broadcast client event (connection not subscribed to channel private-closed)");
    member.sync();
    assertThat(member.events("private-closed", "client-x")).isEmpty();
  }

  @Test
  void eventWithoutClientPrefixIsRefused(TestSubscriber sender) {
    sender.subscribe("private-prefix");
    sender.send("{\"event\":\"xclient-foo\",\"channel\":\"private-prefix\",\"data\":{}}");
    assertThat(errorMessage(sender)).startsWith("Unknown event xclient-foo");
  }

  @Test
  void clientEventsBeyondTheRateLimitGet4301() {
    try (LocalServer server = LocalServer.builder().port(0).clientEvents(true)
            .limits(Limits.builder().maxClientEventsPerSecond(2).build()).build().start();
        TestSubscriber sender = TestSubscriber.connect(server)) {
      sender.subscribe("private-fast");
      for (int i = 0; i < 5; i++) {
        sender.trigger("private-fast", "client-burst", i);
      }
      ReceivedEvent error = sender.awaitEvent("pusher:error");
      assertThat(error.errorCode()).hasValue(4301);
      assertThat(error.channel()).isEqualTo("private-fast");
      assertThat(sender.isClosed()).isFalse();
    }
  }

  @Test
  void clientEventsAreRecordedWithSender(LocalServer server, TestSubscriber sender) {
    sender.subscribe("private-recorded");
    sender.trigger("private-recorded", "client-rec", Map.of("a", 1));
    sender.sync();
    assertThat(server.acceptedEvents()).anySatisfy(e -> {
      assertThat(e.source()).isEqualTo(AcceptedEvent.Source.CLIENT);
      assertThat(e.event()).isEqualTo("client-rec");
      assertThat(e.data()).isEqualTo("{\"a\":1}");
      assertThat(e.socketId()).hasValue(sender.socketId());
    });
  }

  @Test
  void clientEventsAreRefusedWhenTheAppDisablesThem() {
    try (LocalServer server = LocalServer.builder().port(0).build().start();
        TestSubscriber sender = TestSubscriber.connect(server)) {
      sender.subscribe("private-off");
      sender.trigger("private-off", "client-x", "d");
      assertThat(errorMessage(sender)).contains("enable this feature");
    }
  }
}
