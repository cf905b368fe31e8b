package dev.channels4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.local.LocalServer;
import dev.channels4j.local.TlsIdentity;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What TestSubscriber adds to the protocol client: decrypted data, awaits that take each message
 * once, failures as assertion errors. (The server's behaviour is tested in channels4j-local.)
 */
@LocalChannelsTest(subscriptionCount = true)
class TestSubscriberTest {
  private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  @Test
  void encryptedEventsArriveDecrypted(LocalServer server) {
    try (ChannelsClient client = ChannelsClient.builder().url(server.pusherUrl()).encryptionMasterKeyBase64(MASTER_KEY)
            .build();
        TestSubscriber subscriber = TestSubscriber.connect(server, client)) {
      subscriber.subscribe("private-encrypted-vault");
      client.trigger("private-encrypted-vault", "secret", Map.of("msg", "hello"));
      ReceivedEvent event = subscriber.awaitEvent("private-encrypted-vault", "secret");
      assertThat(event.dataMap()).containsEntry("msg", "hello");
      assertThat(event.raw()).contains("ciphertext").doesNotContain("hello");
    }
  }

  @Test
  void eachAwaitTakesTheNextMatchingEvent(TestSubscriber a, TestSubscriber b) {
    a.subscribe("counted");
    b.subscribe("counted");
    assertThat(a.awaitEvent("counted", "pusher_internal:subscription_count").data())
        .isEqualTo("{\"subscription_count\":1}");
    assertThat(a.awaitEvent("counted", "pusher_internal:subscription_count").data())
        .isEqualTo("{\"subscription_count\":2}");
  }

  @Test
  void serverPingsAreAnswered() {
    try (LocalServer server = LocalServer.builder().port(0).activityTimeout(Duration.ofSeconds(1))
            .pongTimeout(Duration.ofSeconds(5)).build().start();
        TestSubscriber subscriber = TestSubscriber.connect(server)) {
      subscriber.awaitEvent("pusher:ping");
      subscriber.awaitEvent("pusher:ping");
      assertThat(subscriber.isClosed()).isFalse();
    }
  }

  @Test
  void aConnectionRefusedIsAnAssertionErrorNamingTheUri() {
    try (LocalServer server = LocalServer.builder().port(0).tls(TlsIdentity.selfSigned()).build().start()) {
      assertThatThrownBy(() -> TestSubscriber.connect(server.webSocketUri(), null, Duration.ofSeconds(5)))
          .isInstanceOf(AssertionError.class).hasMessageContaining("could not connect to wss://");
    }
  }
}
