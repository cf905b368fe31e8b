package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.protocol.SocketMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EncryptedChannelTest {
  @RegisterExtension
  static final LocalServerExtension SERVER = LocalServerExtension.perClass();

  private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  @Test
  void subscriberDecryptsWithSharedSecretFromAuth(LocalServer server) {
    try (ChannelsClient client = ChannelsClient.builder().url(server.pusherUrl())
            .encryptionMasterKeyBase64(MASTER_KEY).build();
        Peer subscriber = Peer.connect(server, client)) {
      subscriber.subscribe("private-encrypted-vault");
      client.trigger("private-encrypted-vault", "secret", Map.of("msg", "hello"));
      SocketMessage event = subscriber.awaitEvent("private-encrypted-vault", "secret");
      assertThat(subscriber.decrypt("private-encrypted-vault", event.data())).isEqualTo("{\"msg\":\"hello\"}");
      assertThat(event.raw()).contains("ciphertext").doesNotContain("hello");
    }
  }

  @Test
  void serverStoresOnlyCiphertext(LocalServer server) {
    try (ChannelsClient client = ChannelsClient.builder().url(server.pusherUrl())
        .encryptionMasterKeyBase64(MASTER_KEY).build()) {
      server.app().clearAcceptedEvents();
      client.trigger("private-encrypted-log", "secret", Map.of("msg", "hidden"));
      assertThat(server.acceptedEvents()).singleElement()
          .satisfies(e -> assertThat(e.data()).contains("nonce").doesNotContain("hidden"));
    }
  }

  @Test
  void encryptedSubscriptionWithBadSignatureIsRefused(Peer subscriber) {
    subscriber.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-encrypted-locked\","
        + "\"auth\":\"app-key:" + "0".repeat(64) + "\"}}");
    SocketMessage error = subscriber.awaitEvent("pusher:error");
    assertThat(error.channel()).isEqualTo("private-encrypted-locked");
    assertThat((String) Peer.dataMap(error).get("message")).startsWith("Invalid signature");
  }

  @Test
  void encryptedSubscriptionWithoutAuthIsRefused(Peer subscriber) {
    subscriber.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-encrypted-open\"}}");
    assertThat((String) Peer.dataMap(subscriber.awaitEvent("pusher:error")).get("message")).contains("needs data.auth");
  }
}
