package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.ChannelsException;
import dev.channels4j.protocol.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS and WSS on the local server's one port (issue 18). */
class TlsTest {
  private static final TlsIdentity IDENTITY = TlsIdentity.selfSigned();

  @Test
  void urlsNameHttpsAndWss() {
    try (LocalServer server = LocalServer.builder().port(0).tls(IDENTITY).build().start()) {
      assertThat(server.pusherUrl()).startsWith("https://app-key:app-secret@127.0.0.1:" + server.port() + "/apps/app-id");
      assertThat(server.webSocketUri().toString()).startsWith("wss://127.0.0.1:" + server.port() + "/app/app-key");
    }
  }

  @Test
  void clientTriggerOverHttpsReachesSubscriberOverWss() {
    try (LocalServer server = LocalServer.builder().port(0).tls(IDENTITY).build().start();
        ChannelsClient client = ChannelsClient.builder().url(server.pusherUrl())
            .sslContext(IDENTITY.trustingSslContext().orElseThrow()).build();
        Peer subscriber = Peer.connect(server.webSocketUri(),
            server.clientSslContext().orElseThrow(), null)) {
      subscriber.subscribe("secure");
      client.trigger("secure", "greeting", "hello over TLS");
      assertThat(subscriber.awaitEvent("secure", "greeting").data()).isEqualTo("hello over TLS");
    }
  }

  @Test
  void clientThatDoesNotTrustTheCertificateIsRefusedBeforeAnythingIsAccepted() {
    try (LocalServer server = LocalServer.builder().port(0).tls(IDENTITY).build().start();
        ChannelsClient untrusting = ChannelsClient.builder().url(server.pusherUrl()).build()) {
      assertThatThrownBy(() -> untrusting.trigger("secure", "greeting", "x")).isInstanceOf(ChannelsException.class);
      assertThat(server.acceptedEvents()).isEmpty();
    }
  }

  @Test
  void subscriberThatDoesNotTrustTheCertificateCannotConnect() {
    try (LocalServer server = LocalServer.builder().port(0).tls(IDENTITY).build().start()) {
      assertThatThrownBy(() -> Peer.connect(server.webSocketUri(), null, null))
          .isInstanceOf(SocketException.class).hasMessageContaining("wss://127.0.0.1:" + server.port());
    }
  }

  @Test
  void selfSignedCertificateNamesLocalhostAndLoopback() throws Exception {
    X509Certificate certificate = IDENTITY.certificateChain().get(0);
    assertThat(certificate.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    assertThat(IDENTITY.toString()).doesNotContain("PRIVATE");
  }

  @Test
  void pemFilesWrittenAndReadBackServeTheSameCertificate(@TempDir Path dir) {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    IDENTITY.writePem(cert, key);
    TlsIdentity read = TlsIdentity.fromPem(cert, key);
    assertThat(read.certificateChain()).isEqualTo(IDENTITY.certificateChain());
    try (LocalServer server = LocalServer.builder().port(0).tls(read).build().start();
        ChannelsClient client = server.newClient();
        Peer subscriber = Peer.connect(server)) {
      subscriber.subscribe("pem");
      client.trigger("pem", "e", "from PEM");
      assertThat(subscriber.awaitEvent("pem", "e").data()).isEqualTo("from PEM");
    }
  }

  @Test
  void missingPemFileIsNamed(@TempDir Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    IDENTITY.writePem(cert, dir.resolve("key.pem"));
    Path missing = dir.resolve("nope.pem");
    assertThatThrownBy(() -> TlsIdentity.fromPem(cert, missing))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
    Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
    assertThatThrownBy(() -> TlsIdentity.fromPem(dir.resolve("empty.pem"), dir.resolve("key.pem")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no PEM certificate");
  }
}
