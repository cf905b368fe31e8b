package dev.channels4j.testsupport.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The certificate serves TLS for 127.0.0.1 through the proxy, trusted by its own client context only. */
@Timeout(60)
class SelfSignedCertificateTest {
  @TempDir
  static Path directory;
  /** One for the class: keytool takes seconds to make an RSA key. */
  private static SelfSignedCertificate certificate;

  @BeforeAll
  static void generate() {
    certificate = SelfSignedCertificate.generate(directory);
  }

  @Test
  void aClientTrustingItCompletesAVerifiedHandshakeThroughTheProxy() throws Exception {
    try (SSLServerSocket server = listen(certificate.serverContext());
        NetworkProxy proxy = NetworkProxy.builder((InetSocketAddress) server.getLocalSocketAddress())
            .rtt(Duration.ofMillis(10)).build()) {
      Thread echo = echoOnce(server);
      try (SSLSocket client = connect(certificate.clientContext(), proxy)) {
        client.getOutputStream().write(42);
        assertThat(client.getInputStream().read()).isEqualTo(42);
        assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(certificate.certificate());
      }
      echo.join();
      assertThat(proxy.stats().connectionsOpened()).isEqualTo(1);
    }
  }

  @Test
  void aClientWithTheJdkTrustRefusesIt() throws Exception {
    try (SSLServerSocket server = listen(certificate.serverContext());
        NetworkProxy proxy = NetworkProxy.builder((InetSocketAddress) server.getLocalSocketAddress()).build()) {
      echoOnce(server);
      try (SSLSocket client = connect(SSLContext.getDefault(), proxy)) {
        assertThatThrownBy(client::startHandshake).isInstanceOf(SSLHandshakeException.class);
      }
    }
  }

  private static SSLServerSocket listen(SSLContext context) throws IOException {
    return (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
  }

  private static SSLSocket connect(SSLContext context, NetworkProxy proxy) throws IOException {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", proxy.port());
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS"); // checks the IP address against the certificate
    socket.setSSLParameters(parameters);
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static Thread echoOnce(SSLServerSocket server) {
    Thread thread = new Thread(() -> {
      try (SSLSocket accepted = (SSLSocket) server.accept()) {
        int b = accepted.getInputStream().read();
        accepted.getOutputStream().write(b);
        accepted.getOutputStream().flush();
      } catch (IOException handshakeRefused) {
        // the refusing client's case
      }
    }, "tls-echo");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
