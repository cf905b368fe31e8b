package dev.channels4j.spring.boot.test;

import dev.channels4j.local.LocalApp;
import dev.channels4j.local.LocalServer;
import dev.channels4j.spring.boot.ChannelsConnectionDetails;

/** The local server's app as the application's connection: wins over any channels4j.* connection property. */
final class LocalConnectionDetails implements ChannelsConnectionDetails {
  private final LocalServer server;
  private final LocalApp app;

  LocalConnectionDetails(LocalServer server) {
    this.server = server;
    this.app = server.defaultApp();
  }

  @Override
  public String appId() {
    return app.id();
  }

  @Override
  public String key() {
    return app.key();
  }

  @Override
  public String secret() {
    return app.secret();
  }

  @Override
  public String host() {
    return server.host();
  }

  @Override
  public Integer port() {
    return server.port();
  }

  @Override
  public boolean useTls() {
    return server.tls().isPresent();
  }

  @Override
  public String toString() {
    return "ChannelsConnectionDetails[local server " + (useTls() ? "https://" : "http://") + server.host() + ":" + server.port() + ", appId=" + app.id()
        + ", secret=<hidden>]";
  }
}
