package dev.channels4j.local;

import dev.channels4j.ChannelsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A {@link LocalServer} on a free loopback port, handed to test methods that take one, with a
 * {@link ChannelsClient} for it and connected {@link Peer}s (one per parameter), both closed after
 * each test: the local server's own tests cannot use the test kit's {@code @LocalChannelsTest}
 * (the test kit depends on this module).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalServerExtension SERVER = LocalServerExtension.perClass(server -> server.clientEvents(true));
 *
 * @Test
 * void relaysClientEvents(Peer sender, Peer receiver) { ... }
 * }</pre>
 */
final class LocalServerExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
  private final boolean perMethod;
  private final Consumer<LocalServer.Builder> configuration;
  private final List<AutoCloseable> perTest = new ArrayList<>();
  private LocalServer server;

  private LocalServerExtension(boolean perMethod, Consumer<LocalServer.Builder> configuration) {
    this.perMethod = perMethod;
    this.configuration = configuration;
  }

  /** One server for all the tests of the class. */
  static LocalServerExtension perClass() {
    return perClass(server -> {});
  }

  /** One server, configured so (host and port are set here), for all the tests of the class. */
  static LocalServerExtension perClass(Consumer<LocalServer.Builder> configuration) {
    return new LocalServerExtension(false, configuration);
  }

  /** A fresh server for each test, for tests that leave state behind. */
  static LocalServerExtension perMethod() {
    return new LocalServerExtension(true, server -> {});
  }

  private LocalServer start() {
    LocalServer.Builder builder = LocalServer.builder();
    configuration.accept(builder);
    return builder.host("127.0.0.1").port(0).build().start();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perMethod) {
      server = start();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perMethod) {
      server = start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      for (int i = perTest.size() - 1; i >= 0; i--) {
        perTest.get(i).close();
      }
    } finally {
      perTest.clear();
      if (perMethod) {
        server.close();
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!perMethod) {
      server.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalServer.class || type == ChannelsClient.class || type == Peer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == LocalServer.class) {
      return server;
    }
    AutoCloseable resource = type == ChannelsClient.class ? server.newClient() : Peer.connect(server);
    perTest.add(resource);
    return resource;
  }
}
