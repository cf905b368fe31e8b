package dev.channels4j.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.TransportException;
import dev.channels4j.local.AcceptedEvent;
import dev.channels4j.local.LocalServer;
import dev.channels4j.local.TlsIdentity;
import dev.channels4j.spring.boot.ChannelsConnectionDetails;
import dev.channels4j.spring.boot.test.app.TestApplication;
import dev.channels4j.testkit.TestSubscriber;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** {@code tls = true}: HTTPS and WSS on the local server, trusted by the application through an SSL bundle. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureLocalChannels(tls = true)
class TlsLocalChannelsTest {
  @Autowired
  LocalChannels channels;

  @Autowired
  ChannelsConnectionDetails connection;

  @Autowired
  SslBundles bundles;

  @Autowired
  Environment environment;

  @LocalServerPort
  int port;

  @Test
  void aSubscriberOverWssReceivesWhatTheAppsClientPublishesOverHttps() throws Exception {
    assertThat(channels.pusherUrl()).startsWith("https://");
    assertThat(channels.server().webSocketUri().getScheme()).isEqualTo("wss");
    try (TestSubscriber alice = channels.subscriber(Map.of("X-User", "alice"))) {
      alice.subscribe("private-orders.alice");
      assertThat(TestApplication.order(port, "alice", "book")).isEqualTo(200);
      assertThat(alice.awaitEvent("private-orders.alice", "order-created").data()).contains("book");
    }
  }

  @Test
  void theAppConnectsWithTlsThroughTheBundleItsPropertiesName() {
    assertThat(connection.useTls()).isTrue();
    assertThat(connection.port()).isEqualTo(channels.server().port());
    assertThat(environment.getProperty("channels4j.ssl.bundle")).isEqualTo(LocalServerTls.BUNDLE);
  }

  @Test
  void theAppsBundleTrustsTheLocalServersCertificateAndNothingElse() throws Exception {
    KeyStore trusted = bundles.getBundle(LocalServerTls.BUNDLE).getStores().getTrustStore();

    assertThat(Collections.list(trusted.aliases())).singleElement()
        .satisfies(alias -> assertThat(trusted.getCertificate(alias))
            .isEqualTo(channels.server().tls().orElseThrow().certificateChain().get(0)));
  }

  @Test
  void theAppsTrustRefusesAnotherSelfSignedServer() {
    try (LocalServer other = LocalServer.builder().port(0).tls(TlsIdentity.selfSigned()).build().start();
        ChannelsClient client = ChannelsClient.builder().url(other.pusherUrl())
            .sslContext(bundles.getBundle(LocalServerTls.BUNDLE).createSslContext()).build()) {
      assertThatThrownBy(() -> client.trigger("orders", "created", "x"))
          .isInstanceOf(TransportException.class).hasMessageContaining("not trusted");
      assertThat(other.acceptedEvents()).isEmpty();
    }
  }

  @Test
  void aClientWithoutTheBundleIsRefused() {
    try (ChannelsClient untrusting = ChannelsClient.fromUrl(channels.pusherUrl())) {
      assertThatThrownBy(() -> untrusting.trigger("orders", "untrusted", "x"))
          .isInstanceOf(TransportException.class).hasMessageContaining("not trusted");
    }
    assertThat(channels.server().acceptedEvents()).extracting(AcceptedEvent::event).doesNotContain("untrusted");
  }
}
