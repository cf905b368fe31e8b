package dev.channels4j.testkit;

import dev.channels4j.ChannelsClient;
import dev.channels4j.local.LocalServer;
import dev.channels4j.local.TlsIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension: starts a {@link LocalServer} on 127.0.0.1 and a free port, for the whole test
 * class (when registered on the class, or on a static field) or for each method (on an instance
 * field, or with {@code serverPerMethod}), and resolves parameters of type {@link LocalServer},
 * {@link ChannelsClient} (configured for the server) and {@link TestSubscriber} (connected, one per
 * parameter), and, for a server with TLS, {@link SSLContext} (trusting its certificate). Clients and subscribers are closed after each test, servers when their scope ends.
 *
 * <pre>{@code
 * class OrdersTest {
 *   @RegisterExtension
 *   static LocalChannelsExtension channels =
 *       LocalChannelsExtension.configuring(server -> server.clientEvents(true).userAuthentication(true));
 *
 *   @Test
 *   void publishes(ChannelsClient client, TestSubscriber subscriber) { ... }
 * }
 * }</pre>
 *
 * <p>Without {@code @RegisterExtension}, use {@link LocalChannelsTest} on the class.
 */
public final class LocalChannelsExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalChannelsExtension.class);
  private static final String SERVER = "server";
  private static final String RESOURCES = "resources";

  private final Consumer<LocalServer.Builder> configuration;

  /** An extension whose servers follow the test class's {@link LocalChannelsTest}, if any. */
  public LocalChannelsExtension() {
    this(null);
  }

  private LocalChannelsExtension(Consumer<LocalServer.Builder> configuration) {
    this.configuration = configuration;
  }

  /** An extension whose servers are configured by the given function (port and host are set for you). */
  public static LocalChannelsExtension configuring(Consumer<LocalServer.Builder> configuration) {
    if (configuration == null) {
      throw new IllegalArgumentException("configuration must not be null");
    }
    return new LocalChannelsExtension(configuration);
  }

  /** The server of the current test, for use in {@code @BeforeEach} methods and fields. */
  public static LocalServer server(ExtensionContext context) {
    LocalServer server = context.getStore(NAMESPACE).get(SERVER, LocalServer.class);
    if (server == null) {
      throw new IllegalStateException("no LocalServer in this context; is LocalChannelsExtension registered?");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // A @Nested class shares its enclosing class's server.
    boolean inherited = context.getStore(NAMESPACE).get(SERVER, LocalServer.class) != null;
    if (!inherited && !annotation(context).map(LocalChannelsTest::serverPerMethod).orElse(false)) {
      context.getStore(NAMESPACE).put(SERVER, startServer(context));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (context.getStore(NAMESPACE).get(SERVER, LocalServer.class) == null) {
      context.getStore(NAMESPACE).put(SERVER, startServer(context));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    closeResources(store);
    // A server stored in this method's own context (not inherited from the class) ends with the method.
    LocalServer own = store.remove(SERVER, LocalServer.class);
    if (own != null) {
      own.close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    closeResources(store);
    LocalServer server = store.remove(SERVER, LocalServer.class);
    if (server != null) {
      server.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalServer.class || type == ChannelsClient.class || type == TestSubscriber.class
        || type == SSLContext.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalServer server = context.getStore(NAMESPACE).get(SERVER, LocalServer.class);
    if (server == null) {
      throw new ParameterResolutionException("no LocalServer started for " + context.getDisplayName());
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == LocalServer.class) {
      return server;
    }
    if (type == ChannelsClient.class) {
      return track(context, server.newClient());
    }
    if (type == SSLContext.class) {
      return server.clientSslContext().orElseThrow(() -> new ParameterResolutionException(
          "an SSLContext parameter needs a server with TLS: use @LocalChannelsTest(tls = true) or configure"
              + " LocalServer.Builder.tls(TlsIdentity.selfSigned())"));
    }
    return track(context, TestSubscriber.connect(server));
  }

  private LocalServer startServer(ExtensionContext context) {
    LocalServer.Builder builder = LocalServer.builder();
    annotation(context).ifPresent(config -> {
      builder.clientEvents(config.clientEvents()).userAuthentication(config.userAuthentication())
          .subscriptionCount(config.subscriptionCount());
      if (config.tls()) {
        builder.tls(TlsIdentity.selfSigned());
      }
    });
    if (configuration != null) {
      configuration.accept(builder);
    }
    return builder.host("127.0.0.1").port(0).build().start();
  }

  private static Optional<LocalChannelsTest> annotation(ExtensionContext context) {
    return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, LocalChannelsTest.class));
  }

  private static <T extends AutoCloseable> T track(ExtensionContext context, T resource) {
    @SuppressWarnings("unchecked")
    List<AutoCloseable> resources = context.getStore(NAMESPACE).getOrComputeIfAbsent(
        RESOURCES, key -> new ArrayList<AutoCloseable>(), List.class);
    resources.add(resource);
    return resource;
  }

  private static void closeResources(ExtensionContext.Store store) {
    @SuppressWarnings("unchecked")
    List<AutoCloseable> resources = store.remove(RESOURCES, List.class);
    if (resources == null) {
      return;
    }
    RuntimeException failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("could not close " + resources.get(i), e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
