package dev.channels4j.spring.boot.test;

import dev.channels4j.local.LocalServer;
import dev.channels4j.local.TlsIdentity;
import dev.channels4j.spring.boot.ChannelsConnectionDetails;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Starts the local server (and the webhook relay) for one application context, before the context
 * reads its properties, and stops both when the context closes; with {@code tls}, gives the server a
 * new self-signed certificate and the application an SSL bundle trusting it ({@link LocalServerTls}).
 * Equal settings give equal customizers, so Spring's context cache reuses one context and one server.
 */
final class LocalChannelsContextCustomizer implements ContextCustomizer {
  static final String BEAN_NAME = "channels4jLocalChannels";
  static final String CONNECTION_BEAN_NAME = "channels4jLocalConnectionDetails";
  static final String CSRF_BEAN_NAME = "channels4jTestCsrfTokenFilter";
  private static final String CSRF_TOKEN = "org.springframework.security.web.csrf.CsrfToken";
  private static final String REACTIVE_CSRF_TOKEN = "org.springframework.security.web.server.csrf.CsrfToken";
  private static final String SERVLET_CONTEXT = "org.springframework.web.context.WebApplicationContext";

  private final boolean clientEvents;
  private final boolean userAuthentication;
  private final boolean webhooks;
  private final boolean quiet;
  private final boolean tls;

  LocalChannelsContextCustomizer(boolean clientEvents, boolean userAuthentication, boolean webhooks, boolean quiet,
      boolean tls) {
    this.clientEvents = clientEvents;
    this.userAuthentication = userAuthentication;
    this.webhooks = webhooks;
    this.quiet = quiet;
    this.tls = tls;
  }

  @Override
  public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
    if (quiet) {
      LoggingSystem logging = LoggingSystem.get(context.getClassLoader());
      logging.setLogLevel("dev.channels4j.local", LogLevel.WARN);
      logging.setLogLevel("org.eclipse.jetty", LogLevel.WARN);
    }
    TlsIdentity identity = tls ? LocalServerTls.selfSigned(context.getClassLoader()) : null;
    WebhookRelay relay = webhooks ? WebhookRelay.start(context.getEnvironment()) : null;
    LocalServer.Builder builder = LocalServer.builder().port(0)
        .clientEvents(clientEvents)
        .userAuthentication(userAuthentication);
    if (identity != null) {
      builder.tls(identity);
      LocalServerTls.trustIn(context.getEnvironment(), identity);
    }
    if (relay != null) {
      builder.webhookUrl(relay.uri());
    }
    LocalServer server;
    try {
      server = builder.build().start();
    } catch (RuntimeException e) {
      if (relay != null) {
        relay.close();
      }
      throw e;
    }
    ClassLoader loader = context.getClassLoader();
    // The context's own type says servlet or not: a reactive application may well have the servlet
    // API on its class path (spring-boot-starter-web in the tests, a library's dependency).
    boolean servlet = isInstance(context, SERVLET_CONTEXT, loader);
    boolean servletCsrf = servlet && ClassUtils.isPresent(CSRF_TOKEN, loader)
        && ClassUtils.isPresent("jakarta.servlet.Filter", loader);
    boolean reactiveCsrf = !servlet && ClassUtils.isPresent(REACTIVE_CSRF_TOKEN, loader)
        && ClassUtils.isPresent("org.springframework.web.server.WebFilter", loader);
    LocalChannels channels = new LocalChannels(server, context.getEnvironment(), servletCsrf || reactiveCsrf);
    context.getBeanFactory().registerSingleton(BEAN_NAME, channels);
    register(context, CONNECTION_BEAN_NAME, ChannelsConnectionDetails.class, () -> new LocalConnectionDetails(server), true);
    if (servletCsrf) {
      register(context, CSRF_BEAN_NAME, CsrfTokenFilter.class, CsrfTokenFilter::new, false);
    } else if (reactiveCsrf) {
      register(context, CSRF_BEAN_NAME, ReactiveCsrfTokenFilter.class, ReactiveCsrfTokenFilter::new, false);
    }
    Runnable stop = () -> {
      try {
        server.close();
      } finally {
        if (relay != null) {
          relay.close();
        }
      }
    };
    // Registered before any bean of the application, so destroyed after all of them: the app's
    // publisher still delivers to a running server while it closes. Also destroyed when the
    // context fails to start, which publishes no ContextClosedEvent.
    if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
      registry.registerDisposableBean(BEAN_NAME + "Shutdown", stop::run);
    } else {
      context.addApplicationListener(event -> {
        if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
          stop.run();
        }
      });
    }
  }

  /**
   * A bean definition rather than a singleton, so that it can be primary: the local server's
   * connection wins over a {@code ChannelsConnectionDetails} bean of the application, as over its
   * {@code channels4j.*} connection properties.
   */
  private static <T> void register(ConfigurableApplicationContext context, String name, Class<T> type,
      Supplier<T> supplier, boolean primary) {
    if (context instanceof BeanDefinitionRegistry registry) {
      RootBeanDefinition definition = new RootBeanDefinition(type, supplier);
      definition.setPrimary(primary);
      registry.registerBeanDefinition(name, definition);
    } else {
      context.getBeanFactory().registerSingleton(name, supplier.get());
    }
  }

  private static boolean isInstance(Object object, String typeName, ClassLoader loader) {
    return ClassUtils.isPresent(typeName, loader) && ClassUtils.resolveClassName(typeName, loader).isInstance(object);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LocalChannelsContextCustomizer that
        && clientEvents == that.clientEvents && userAuthentication == that.userAuthentication
        && webhooks == that.webhooks && quiet == that.quiet && tls == that.tls;
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientEvents, userAuthentication, webhooks, quiet, tls);
  }
}
