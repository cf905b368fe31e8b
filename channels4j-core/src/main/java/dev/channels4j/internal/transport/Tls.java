package dev.channels4j.internal.transport;

import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;

/**
 * The TLS of both pools: the given {@link SSLContext}'s trust, or the JVM's default trust store,
 * with HttpClient's default host name verification either way. There is deliberately no way to
 * turn either check off: a private CA is trusted by passing an SSLContext that trusts it.
 */
final class Tls {
  private Tls() {}

  static TlsStrategy asyncStrategy(SSLContext context) {
    return builder(context).buildAsync();
  }

  static TlsSocketStrategy classicStrategy(SSLContext context) {
    return builder(context).buildClassic();
  }

  private static ClientTlsStrategyBuilder builder(SSLContext context) {
    // Without a context of the caller's, the builder's default: the JVM's default trust managers,
    // which read javax.net.ssl.trustStore when it is set.
    return context == null ? ClientTlsStrategyBuilder.create() : ClientTlsStrategyBuilder.create().setSslContext(context);
  }
}
