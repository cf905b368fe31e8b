package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.channels4j.testing.HttpsTestServer;
import dev.channels4j.testing.TestCertificates;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default transport over real TLS: a server on 127.0.0.1 with a certificate made at test time,
 * trusted through an {@link SSLContext} (never by turning a check off).
 */
class TlsTest {
  @TempDir
  static Path certificates;

  private static TestCertificates localhost;
  private static TestCertificates otherHost;
  private static HttpsTestServer server;
  private static HttpsTestServer wrongHostServer;

  @BeforeAll
  static void start() {
    localhost = TestCertificates.generate(certificates, "dns:localhost,ip:127.0.0.1");
    otherHost = TestCertificates.generate(certificates, "dns:other.example");
    server = HttpsTestServer.start(localhost.serverContext());
    wrongHostServer = HttpsTestServer.start(otherHost.serverContext());
  }

  @AfterAll
  static void stop() {
    server.close();
    wrongHostServer.close();
  }

  private static ChannelsClient.Builder httpsClient(int port) {
    return ChannelsClient.builder().appId("1").key("key").secret("secret")
        .host("localhost").port(port).useTls(true).retryPolicy(RetryPolicy.none());
  }

  @Test
  void aTriggerOverHttpsSucceedsWithAContextTrustingTheCertificate() {
    try (ChannelsClient client = httpsClient(server.port()).sslContext(localhost.trustingContext()).build()) {
      assertThat(client.trigger("c", "e", "{}")).isNotNull();
      assertThat(client.async().trigger("c", "e", "{}").join()).isNotNull();
    }
  }

  @Test
  void anUntrustedCertificateFailsBeforeSendingNamingTheHostAndHowToTrustIt() {
    int before = server.requests();
    try (ChannelsClient client = httpsClient(server.port()).build()) {
      TransportException blocking = catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "{}"));
      TransportException async = asyncFailure(() -> client.async().trigger("c", "e", "{}").join());

      for (TransportException e : List.of(blocking, async)) {
        assertThat(e.getMessage()).contains("localhost:" + server.port()).contains("sslContext(").contains("trust store");
      }
    }
    assertThat(server.requests()).isEqualTo(before);
  }

  @Test
  void aCertificateForAnotherHostFailsBeforeSendingNamingTheHost() {
    try (ChannelsClient client = httpsClient(wrongHostServer.port()).sslContext(otherHost.trustingContext()).build()) {
      TransportException blocking = catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "{}"));
      TransportException async = asyncFailure(() -> client.async().trigger("c", "e", "{}").join());

      for (TransportException e : List.of(blocking, async)) {
        assertThat(e.getMessage()).contains("localhost:" + wrongHostServer.port()).contains("not for this host");
      }
    }
    assertThat(wrongHostServer.requests()).isZero();
  }

  @Test
  void aStalledHandshakeEndsAtTheConnectTimeout() throws IOException {
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept()); // held open, never read nor answered
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      try (ChannelsClient client = httpsClient(silent.getLocalPort()).sslContext(localhost.trustingContext())
          .connectTimeout(Duration.ofMillis(300)).timeout(Duration.ofMinutes(1)).build()) {
        TransportException blocking = catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "{}"));
        TransportException async = asyncFailure(() -> client.async().trigger("c", "e", "{}").join());

        for (TransportException e : List.of(blocking, async)) {
          assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECTION_REFUSED);
          assertThat(e.getMessage()).contains("TLS handshake").contains("connectTimeout");
        }
      }
    } finally {
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void noBuilderSettingTurnsCertificateChecksOff() {
    for (Method method : ChannelsClient.Builder.class.getMethods()) {
      String name = method.getName().toLowerCase(Locale.ROOT);
      assertThat(name).doesNotContain("trustall").doesNotContain("insecure").doesNotContain("verif")
          .doesNotContain("hostname");
    }
  }

  private static TransportException asyncFailure(Runnable call) {
    CompletionException e = catchThrowableOfType(CompletionException.class, call::run);
    assertThat(e).isNotNull();
    assertThat(e.getCause()).isInstanceOf(TransportException.class);
    return (TransportException) e.getCause();
  }
}
