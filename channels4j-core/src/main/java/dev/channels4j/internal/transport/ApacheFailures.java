package dev.channels4j.internal.transport;

import dev.channels4j.TransportException.Kind;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.RequestNotExecutedException;

/**
 * HttpClient's failures, understood where HttpClient is known: each becomes a
 * {@link TransportFailure} of the right kind with a message saying what to do. What is not
 * recognised passes unchanged, for the dispatcher's reading of plain JDK I/O failures.
 */
final class ApacheFailures {
  static final String HOW_TO_TRUST = "To trust a private CA, pass an SSLContext that trusts it to"
      + " ChannelsClient.Builder.sslContext(...), or add it to the JVM trust store"
      + " (-Djavax.net.ssl.trustStore=...)";

  private ApacheFailures() {}

  /**
   * {@code failure} as the user should read it.
   *
   * @param authority {@code host:port} of the server, for the message
   */
  static Throwable classify(Throwable failure, String authority, Duration connectTimeout) {
    if (failure instanceof TransportFailure || failure instanceof ClientClosedException
        || failure instanceof ResponseTooLargeException) {
      return failure;
    }
    if (causeOf(failure, TlsHandshakeTimeoutException.class) != null) {
      return new TransportFailure(Kind.CONNECTION_REFUSED, "the TLS handshake with " + authority
          + " did not complete within connectTimeout (" + connectTimeout.toMillis() + " ms): the server accepted"
          + " the connection but did not answer; nothing was sent", failure);
    }
    if (causeOf(failure, SSLHandshakeException.class) != null || causeOf(failure, SSLPeerUnverifiedException.class) != null) {
      return new TransportFailure(Kind.OTHER, "TLS with " + authority + " failed before the request was sent: "
          + certificateProblem(failure) + " (" + rootMessage(failure) + "). " + HOW_TO_TRUST, failure);
    }
    if (failure instanceof ConnectTimeoutException) {
      return new TransportFailure(Kind.CONNECTION_REFUSED, "could not connect to " + authority
          + " within connectTimeout (" + connectTimeout.toMillis() + " ms)", failure);
    }
    if (failure instanceof HttpHostConnectException) {
      return new TransportFailure(Kind.CONNECTION_REFUSED, "could not connect to " + authority + ": "
          + failure.getMessage(), failure);
    }
    if (failure instanceof ConnectionClosedException || failure instanceof NoHttpResponseException
        || failure instanceof RequestNotExecutedException) {
      return new TransportFailure(Kind.CONNECTION_RESET, "connection reset or closed before a response: "
          + failure.getMessage(), failure);
    }
    return failure;
  }

  /** What was wrong with the server's certificate, as far as the JDK's exceptions say. */
  private static String certificateProblem(Throwable failure) {
    if (causeOf(failure, CertPathBuilderException.class) != null || causeOf(failure, CertPathValidatorException.class) != null) {
      return "the server's certificate is not trusted";
    }
    CertificateException certificate = causeOf(failure, CertificateException.class);
    // The JDK's host name check throws a plain CertificateException; its trust checks, subclasses.
    if (causeOf(failure, SSLPeerUnverifiedException.class) != null
        || (certificate != null && certificate.getClass() == CertificateException.class)) {
      return "the server's certificate is not for this host";
    }
    return "the handshake failed";
  }

  private static String rootMessage(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t.getCause() != null && depth < 8; depth++) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }

  /** {@code failure} itself or its nearest cause of the type (a few wrappers deep), or null. */
  static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
