package dev.channels4j.internal.transport;

import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.reactor.ssl.TransportSecurityLayer;
import org.apache.hc.core5.util.Timeout;

/**
 * The TLS of both pools: the given {@link SSLContext}'s trust, or the JVM's default trust store,
 * with HttpClient's default host name verification either way. There is deliberately no way to
 * turn either check off: a private CA is trusted by passing an SSLContext that trusts it. A
 * handshake that times out is marked ({@link TlsHandshakeTimeoutException}), so that the failure
 * says the server stalled the handshake rather than that it could not be reached.
 */
final class Tls {
  private Tls() {}

  static TlsStrategy asyncStrategy(SSLContext context) {
    TlsStrategy strategy = builder(context).buildAsync();
    return new TlsStrategy() {
      @Override
      @SuppressWarnings("deprecation")
      public boolean upgrade(TransportSecurityLayer session, HttpHost host, SocketAddress localAddress,
          SocketAddress remoteAddress, Object attachment, Timeout handshakeTimeout) {
        return strategy.upgrade(session, host, localAddress, remoteAddress, attachment, handshakeTimeout);
      }

      @Override
      public void upgrade(TransportSecurityLayer session, NamedEndpoint endpoint, Object attachment,
          Timeout handshakeTimeout, FutureCallback<TransportSecurityLayer> callback) {
        strategy.upgrade(session, endpoint, attachment, handshakeTimeout, new FutureCallback<>() {
          @Override
          public void completed(TransportSecurityLayer result) {
            if (callback != null) {
              callback.completed(result);
            }
          }

          @Override
          public void failed(Exception e) {
            if (callback != null) {
              callback.failed(e instanceof SocketTimeoutException ? new TlsHandshakeTimeoutException(e) : e);
            }
          }

          @Override
          public void cancelled() {
            if (callback != null) {
              callback.cancelled();
            }
          }
        });
      }
    };
  }

  static TlsSocketStrategy classicStrategy(SSLContext context) {
    TlsSocketStrategy strategy = builder(context).buildClassic();
    return (socket, target, port, attachment, httpContext) -> {
      try {
        return strategy.upgrade(socket, target, port, attachment, httpContext);
      } catch (SocketTimeoutException e) {
        throw new TlsHandshakeTimeoutException(e);
      }
    };
  }

  private static ClientTlsStrategyBuilder builder(SSLContext context) {
    // Without a context of the caller's, the builder's default: the JVM's default trust managers,
    // which read javax.net.ssl.trustStore when it is set.
    return context == null ? ClientTlsStrategyBuilder.create() : ClientTlsStrategyBuilder.create().setSslContext(context);
  }
}
