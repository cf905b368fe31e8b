package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.testkit.LocalChannelsTest;
import dev.channels4j.testkit.ReceivedEvent;
import dev.channels4j.testkit.TestSubscriber;
import java.util.Map;
import org.junit.jupiter.api.Test;

@LocalChannelsTest
class EncryptedChannelTest {
  private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  @Test
  void subscriberDecryptsWithSharedSecretFromAuth(LocalServer server) {
    try (ChannelsClient client = ChannelsClient.builder().url(server.pusherUrl())
            .encryptionMasterKeyBase64(MASTER_KEY).build();
        TestSubscriber subscriber = TestSubscriber.connect(server, client)) {
      subscriber.subscribe("private-encrypted-vault");
      client.trigger("private-encrypted-vault", "secret", Map.of("msg", "hello"));
      ReceivedEvent event = subscriber.awaitEvent("private-encrypted-vault", "secret");
      assertThat(event.dataMap()).containsEntry("msg", "hello");
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
  void encryptedSubscriptionWithBadSignatureIsRefused(TestSubscriber subscriber) {
    subscriber.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-encrypted-locked\","
        + "\"auth\":\"app-key:" + "0".repeat(64) + "\"}}");
    ReceivedEvent error = subscriber.awaitEvent("pusher:error");
    assertThat(error.channel()).isEqualTo("private-encrypted-locked");
    assertThat((String) error.dataMap().get("message")).startsWith("Invalid signature");
  }

  @Test
  void encryptedSubscriptionWithoutAuthIsRefused(TestSubscriber subscriber) {
    subscriber.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-encrypted-open\"}}");
    assertThat((String) subscriber.awaitEvent("pusher:error").dataMap().get("message")).contains("needs data.auth");
  }
}
