package dev.channels4j.interop;

import dev.channels4j.local.LocalServer;

/** Our own local server (channels4j-local), in this JVM, on an ephemeral port of 127.0.0.1. */
final class LocalPusherServer implements PusherServer {
  private final LocalServer server;

  private LocalPusherServer(LocalServer server) {
    this.server = server;
  }

  /** Starts the local server with client events, user authentication and webhooks to {@code webhookUrl}. */
  static LocalPusherServer start(String webhookUrl) {
    return start(webhookUrl, null);
  }

  /** As above, serving HTTPS and WSS with the identity (null: plain text). */
  static LocalPusherServer start(String webhookUrl, dev.channels4j.local.TlsIdentity tls) {
    return new LocalPusherServer(LocalServer.builder()
        .tls(tls)
        .host("127.0.0.1")
        .port(0)
        .clientEvents(true)
        .userAuthentication(true)
        .webhookUrl(webhookUrl)
        .build()
        .start());
  }

  @Override
  public String name() {
    return "channels4j-local";
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public String appId() {
    return server.defaultApp().id();
  }

  @Override
  public String key() {
    return server.defaultApp().key();
  }

  @Override
  public String secret() {
    return server.defaultApp().secret();
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return name();
  }
}
