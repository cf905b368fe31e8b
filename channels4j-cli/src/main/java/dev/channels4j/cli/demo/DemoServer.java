package dev.channels4j.cli.demo;

import dev.channels4j.local.LocalServer;
import java.net.URI;

/** The local server the demo runs in-process, on a free port, posting webhooks to the demo's endpoint. */
final class DemoServer implements AutoCloseable {
  static final String APP_ID = "demo-app";
  static final String KEY = "demo-key";
  static final String SECRET = "demo-secret";

  private final LocalServer server;

  private DemoServer(LocalServer server) {
    this.server = server;
  }

  static DemoServer start(URI webhookUrl) {
    return new DemoServer(LocalServer.builder()
        .host("127.0.0.1").port(0)
        .appId(APP_ID).key(KEY).secret(SECRET)
        .clientEvents(true).userAuthentication(true)
        .webhookUrl(webhookUrl)
        .build()
        .start());
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
