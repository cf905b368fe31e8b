package dev.channels4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.channels4j.ChannelsClient;
import dev.channels4j.local.TlsIdentity;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 over TLS: pusher-js over {@code wss://} and our client over {@code https://}, to our
 * local server and to soketi, both serving one self-signed certificate for 127.0.0.1 that Node
 * trusts through NODE_EXTRA_CA_CERTS and our client through its SSLContext.
 */
class TlsInteropTest {
  @TempDir
  static Path dir;
  private static TlsIdentity identity;
  private static Path certificate;
  private static Path key;
  private static SSLContext trust;

  @BeforeAll
  static void certificate() {
    identity = TlsIdentity.selfSigned();
    certificate = dir.resolve("cert.pem");
    key = dir.resolve("key.pem");
    identity.writePem(certificate, key);
    trust = identity.trustingSslContext().orElseThrow();
  }

  @Test
  void pusherJsOverWssReceivesWhatOurClientTriggersOverHttpsOnTheLocalServer() {
    try (PusherServer server = LocalPusherServer.start("http://127.0.0.1:9/hooks", identity)) {
      assertDelivered(server);
    }
  }

  @Test
  void pusherJsOverWssReceivesWhatOurClientTriggersOverHttpsOnSoketi() {
    try (PusherServer server = SoketiServer.start("http://127.0.0.1:9/hooks", certificate, key)) {
      assertDelivered(server);
    }
  }

  private static void assertDelivered(PusherServer server) {
    try (PusherJs js = PusherJs.trusting(certificate);
        ChannelsClient client = server.tlsClient(trust)) {
      js.connectTls("alice", server);
      js.subscribe("alice", "over-tls");
      client.trigger("over-tls", "greeting", "hello over TLS");
      JsonNode event = js.await("alice", line -> "event".equals(PusherJs.type(line))
          && "greeting".equals(line.path("event").asText()));
      assertThat(event.path("channel").asText()).isEqualTo("over-tls");
      assertThat(event.path("data").asText()).isEqualTo("hello over TLS");
    }
  }
}
