package dev.channels4j.spring.boot.test;

import dev.channels4j.local.LocalApp;
import dev.channels4j.local.LocalServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the local server (and the webhook relay) for one application context, before the context
 * reads its properties, and stops both when the context closes. Equal settings give equal
 * customizers, so Spring's context cache reuses one context and one server.
 */
final class LocalChannelsContextCustomizer implements ContextCustomizer {
  static final String BEAN_NAME = "channels4jLocalChannels";

  private final boolean clientEvents;
  private final boolean userAuthentication;
  private final boolean webhooks;
  private final boolean quiet;

  LocalChannelsContextCustomizer(boolean clientEvents, boolean userAuthentication, boolean webhooks, boolean quiet) {
    this.clientEvents = clientEvents;
    this.userAuthentication = userAuthentication;
    this.webhooks = webhooks;
    this.quiet = quiet;
  }

  @Override
  public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
    if (quiet) {
      LoggingSystem logging = LoggingSystem.get(context.getClassLoader());
      logging.setLogLevel("dev.channels4j.local", LogLevel.WARN);
      logging.setLogLevel("org.eclipse.jetty", LogLevel.WARN);
    }
    WebhookRelay relay = webhooks ? WebhookRelay.start(context.getEnvironment()) : null;
    LocalServer.Builder builder = LocalServer.builder().port(0)
        .clientEvents(clientEvents)
        .userAuthentication(userAuthentication);
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
    LocalChannels channels = new LocalChannels(server, context.getEnvironment());
    context.getEnvironment().getPropertySources().addFirst(
        new MapPropertySource("channels4jLocalServer", connectionProperties(server)));
    context.getBeanFactory().registerSingleton(BEAN_NAME, channels);
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
   * Every connection setting, not only the URL: an application that also sets separate ones
   * (channels4j.key, channels4j.host...) from its own configuration would otherwise sign with
   * them, or talk to another server, in its tests.
   */
  static Map<String, Object> connectionProperties(LocalServer server) {
    LocalApp app = server.defaultApp();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("channels4j.url", server.pusherUrl());
    properties.put("channels4j.app-id", app.id());
    properties.put("channels4j.key", app.key());
    properties.put("channels4j.secret", app.secret());
    properties.put("channels4j.host", server.host());
    properties.put("channels4j.port", server.port());
    properties.put("channels4j.use-tls", false);
    return properties;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LocalChannelsContextCustomizer that
        && clientEvents == that.clientEvents && userAuthentication == that.userAuthentication
        && webhooks == that.webhooks && quiet == that.quiet;
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientEvents, userAuthentication, webhooks, quiet);
  }
}
