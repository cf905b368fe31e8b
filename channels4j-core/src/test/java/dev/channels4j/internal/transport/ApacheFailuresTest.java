package dev.channels4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.TransportException.Kind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

/** {@link ApacheFailures}: HttpClient's exceptions read by type, where HttpClient is known. */
class ApacheFailuresTest {
  private static TransportFailure classify(Throwable failure) {
    Throwable understood = ApacheFailures.classify(failure, "api-eu.pusher.com:443", Duration.ofSeconds(3));
    assertThat(understood).isInstanceOf(TransportFailure.class);
    return (TransportFailure) understood;
  }

  @Test
  void aConnectTimeoutNamesTheHostAndTheSetting() {
    TransportFailure failure = classify(new ConnectTimeoutException("Connect to x failed"));

    assertThat(failure.kind()).isEqualTo(Kind.CONNECTION_REFUSED);
    assertThat(failure.getMessage()).contains("api-eu.pusher.com:443").contains("connectTimeout (3000 ms)");
  }

  @Test
  void aRefusedConnectionIsConnectionRefused() {
    assertThat(classify(new HttpHostConnectException("Connection refused")).kind()).isEqualTo(Kind.CONNECTION_REFUSED);
  }

  @Test
  void aClosedConnectionOrNoResponseIsAReset() {
    assertThat(classify(new ConnectionClosedException("closed")).kind()).isEqualTo(Kind.CONNECTION_RESET);
    assertThat(classify(new NoHttpResponseException("no response")).kind()).isEqualTo(Kind.CONNECTION_RESET);
  }

  @Test
  void anUntrustedCertificateSaysHowToTrustAPrivateCa() {
    SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
    handshake.initCause(new CertificateException("validation", new CertPathBuilderException("no path")));

    TransportFailure failure = classify(handshake);

    assertThat(failure.getMessage()).contains("api-eu.pusher.com:443").contains("not trusted")
        .contains("sslContext(").contains("trust store");
  }

  @Test
  void aCertificateForAnotherHostSaysSo() {
    SSLHandshakeException handshake = new SSLHandshakeException("No subject alternative DNS name matching");
    handshake.initCause(new CertificateException("No subject alternative DNS name matching"));

    assertThat(classify(handshake).getMessage()).contains("not for this host");
  }

  @Test
  void aStalledHandshakeNamesTheHandshake() {
    TransportFailure failure = classify(new TlsHandshakeTimeoutException(new SocketTimeoutException("Read timed out")));

    assertThat(failure.kind()).isEqualTo(Kind.CONNECTION_REFUSED);
    assertThat(failure.getMessage()).contains("TLS handshake").contains("connectTimeout");
  }

  @Test
  void whatItDoesNotKnowPassesUnchanged() {
    IOException plain = new IOException("something else");

    assertThat(ApacheFailures.classify(plain, "h:1", Duration.ofSeconds(1))).isSameAs(plain);
  }
}
