package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.auth.PresenceMember;
import dev.channels4j.protocol.SocketMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientEventsTest {
  @RegisterExtension
  static final LocalServerExtension SERVER = LocalServerExtension.perClass(server -> server.clientEvents(true));

  private static String errorMessage(Peer subscriber) {
    return (String) Peer.dataMap(subscriber.awaitEvent("pusher:error")).get("message");
  }

  @Test
  void clientEventIsRelayedToOtherSubscribers(Peer sender, Peer receiver) {
    sender.subscribe("private-chat");
    receiver.subscribe("private-chat");
    sender.trigger("private-chat", "client-typing", Map.of("who", "me"));
    SocketMessage event = receiver.awaitEvent("private-chat", "client-typing");
    assertThat(Peer.dataMap(event)).containsEntry("who", "me");
  }

  @Test
  void clientEventIsNotEchoedToSender(Peer sender, Peer receiver) {
    sender.subscribe("private-echo");
    receiver.subscribe("private-echo");
    sender.trigger("private-echo", "client-x", "data");
    receiver.awaitEvent("private-echo", "client-x");
    sender.sync();
    assertThat(sender.events("private-echo", "client-x")).isEmpty();
  }

  @Test
  void presenceClientEventCarriesSenderUserId(Peer sender, Peer receiver) {
    sender.subscribePresence("presence-chat", PresenceMember.of("sender-id"));
    receiver.subscribePresence("presence-chat", PresenceMember.of("receiver-id"));
    sender.trigger("presence-chat", "client-hi", "x");
    assertThat(receiver.awaitEvent("presence-chat", "client-hi").userId()).isEqualTo("sender-id");
  }

  @Test
  void clientEventOnPublicChannelIsRefused(Peer sender) {
    sender.subscribe("public-chat");
    sender.trigger("public-chat", "client-x", "d");
    assertThat(errorMessage(sender)).contains("only allowed on private and presence channels");
  }

  @Test
  void clientEventOnEncryptedChannelIsRefused(LocalServer server) {
    try (dev.channels4j.ChannelsClient client = dev.channels4j.ChannelsClient.builder().url(server.pusherUrl())
            .encryptionMasterKeyBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").build();
        Peer sender = Peer.connect(server, client);
        Peer receiver = Peer.connect(server, client)) {
      sender.subscribe("private-encrypted-chat");
      receiver.subscribe("private-encrypted-chat");
      sender.trigger("private-encrypted-chat", "client-x", "d");
      assertThat(errorMessage(sender)).contains("not supported on encrypted channels");
      receiver.sync();
      assertThat(receiver.events("private-encrypted-chat", "client-x")).isEmpty();
    }
  }

  @Test
  void clientEventFromUnsubscribedConnectionIsRefused(Peer outsider, Peer member) {
    member.subscribe("private-closed");
    outsider.trigger("private-closed", "client-x", "d");
    assertThat(errorMessage(outsider))
        .isEqualTo("Cannot broadcast client event (connection not subscribed to channel private-closed)");
    member.sync();
    assertThat(member.events("private-closed", "client-x")).isEmpty();
  }

  @Test
  void eventWithoutClientPrefixIsRefused(Peer sender) {
    sender.subscribe("private-prefix");
    sender.send("{\"event\":\"xclient-foo\",\"channel\":\"private-prefix\",\"data\":{}}");
    assertThat(errorMessage(sender)).startsWith("Unknown event xclient-foo");
  }

  @Test
  void clientEventsBeyondTheRateLimitGet4301() {
    try (LocalServer server = LocalServer.builder().port(0).clientEvents(true)
            .limits(Limits.builder().maxClientEventsPerSecond(2).build()).build().start();
        Peer sender = Peer.connect(server)) {
      sender.subscribe("private-fast");
      for (int i = 0; i < 5; i++) {
        sender.trigger("private-fast", "client-burst", i);
      }
      SocketMessage error = sender.awaitEvent("pusher:error");
      assertThat(Peer.errorCode(error)).hasValue(4301);
      assertThat(error.channel()).isEqualTo("private-fast");
      assertThat(sender.isClosed()).isFalse();
    }
  }

  @Test
  void clientEventsAreRecordedWithSender(LocalServer server, Peer sender) {
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
        Peer sender = Peer.connect(server)) {
      sender.subscribe("private-off");
      sender.trigger("private-off", "client-x", "d");
      assertThat(errorMessage(sender)).contains("enable this feature");
    }
  }
}
