package dev.channels4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.local.LocalServer;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

@LocalChannelsTest(tls = true)
class TlsExtensionTest {
  @Test
  void givenClientAndSubscriberTalkOverTls(LocalServer server, ChannelsClient client, TestSubscriber subscriber) {
    assertThat(server.pusherUrl()).startsWith("https://");
    subscriber.subscribe("over-tls");
    client.trigger("over-tls", "e", "secure");
    assertThat(subscriber.awaitEvent("over-tls", "e").data()).isEqualTo("secure");
  }

  @Test
  void givenSslContextTrustsTheServer(LocalServer server, SSLContext trusting) {
    try (ChannelsClient own = ChannelsClient.builder().url(server.pusherUrl()).sslContext(trusting).build()) {
      own.trigger("over-tls", "e", "own client");
    }
    assertThat(server.acceptedEvents()).extracting(e -> e.data()).contains("own client");
  }
}
