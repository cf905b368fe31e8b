package dev.channels4j.local;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A {@link LocalServer} on a free loopback port, handed to test methods that take one: the local
 * server's own tests cannot use the test kit's {@code @LocalChannelsTest} (the test kit depends on
 * this module).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalServerExtension SERVER = LocalServerExtension.perClass();
 *
 * @Test
 * void unknownRouteIs404(LocalServer server) { ... }
 * }</pre>
 */
final class LocalServerExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
  private final boolean perMethod;
  private LocalServer server;

  private LocalServerExtension(boolean perMethod) {
    this.perMethod = perMethod;
  }

  /** One server for all the tests of the class. */
  static LocalServerExtension perClass() {
    return new LocalServerExtension(false);
  }

  /** A fresh server for each test, for tests that leave state behind. */
  static LocalServerExtension perMethod() {
    return new LocalServerExtension(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perMethod) {
      server = LocalServer.builder().host("127.0.0.1").port(0).build().start();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perMethod) {
      server = LocalServer.builder().host("127.0.0.1").port(0).build().start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perMethod) {
      server.close();
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
    return parameter.getParameter().getType() == LocalServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server;
  }
}
