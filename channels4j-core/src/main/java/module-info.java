/**
 * channels4j: the server side of Pusher Channels. The public API is in {@code dev.channels4j}
 * (the client), {@code dev.channels4j.auth}, {@code dev.channels4j.webhook} and
 * {@code dev.channels4j.spi}; everything under {@code dev.channels4j.internal} is exported only to
 * channels4j's own modules and may change without notice.
 *
 * <pre>{@code
 * module com.example.app {
 *   requires dev.channels4j;
 *   requires org.bouncycastle.provider; // only for private-encrypted- channels
 * }
 * }</pre>
 */
module dev.channels4j {
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires org.apache.httpcomponents.core5.httpcore5.h2;
  // HttpCore 5 is an automatic module, so it declares nothing; it loads jdk.net.Sockets (TCP
  // keep-alive options) and fails without it. Requiring it here puts it in the module graph.
  requires jdk.net;
  // Transitive: the JSON SPI offers a codec over the application's own ObjectMapper.
  requires transitive com.fasterxml.jackson.databind;
  requires org.slf4j;
  // Optional: only encrypted channels need it, and they say which artifact to add when it is absent.
  requires static org.bouncycastle.provider;

  exports dev.channels4j;
  exports dev.channels4j.auth;
  exports dev.channels4j.webhook;
  exports dev.channels4j.spi;

  // Internals shared with channels4j's own modules only (qualified exports: no other module can
  // read them). Add a module here when it needs one; never export an internal package to all.
  exports dev.channels4j.internal.signing to dev.channels4j.local;
  exports dev.channels4j.internal.transport to dev.channels4j.local, dev.channels4j.spring.boot.autoconfigure;
  exports dev.channels4j.internal.webhook to dev.channels4j.local;
  exports dev.channels4j.internal.url to dev.channels4j.local, dev.channels4j.cli;
  exports dev.channels4j.internal.crypto to dev.channels4j.protocol;
  exports dev.channels4j.internal.socket to dev.channels4j.local, dev.channels4j.protocol;
  exports dev.channels4j.internal.validation to dev.channels4j.cli, dev.channels4j.local;
}
