package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import dev.channels4j.local.AcceptedEvent;
import dev.channels4j.local.LocalApp;
import dev.channels4j.local.LocalServer;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local server for a test class, closed after its last test. Started on first use, so a
 * {@code @DynamicPropertySource} may read its URL whenever Spring loads the context; declared in
 * a base class, each subclass gets a server of its own (test classes run one after another).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SharedLocalServer server = new SharedLocalServer();
 * }</pre>
 */
public final class SharedLocalServer implements AfterAllCallback {
  private LocalServer server;

  private synchronized LocalServer server() {
    if (server == null) {
      server = LocalServer.builder().port(0).build().start();
    }
    return server;
  }

  public String pusherUrl() {
    return server().pusherUrl();
  }

  public int port() {
    return server().port();
  }

  public LocalApp defaultApp() {
    return server().defaultApp();
  }

  public ChannelsClient newClient() {
    return server().newClient();
  }

  public List<AcceptedEvent> acceptedEvents() {
    return server().acceptedEvents();
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
