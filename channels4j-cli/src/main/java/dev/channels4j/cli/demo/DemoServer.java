package dev.channels4j.cli.demo;

import java.net.URI;

/** The local server the demo runs in-process. */
final class DemoServer implements AutoCloseable {
  static final String APP_ID = "demo-app";
  static final String KEY = "demo-key";
  static final String SECRET = "demo-secret";

  private DemoServer() {}

  static DemoServer start(URI webhookUrl) {
    throw new UnsupportedOperationException("the local server module is not merged yet");
  }

  int port() {
    return 0;
  }

  @Override
  public void close() {}
}
