package dev.channels4j.spring.boot.test;

import dev.channels4j.local.LocalServer;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
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
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("channels4jLocalServer",
        Map.of("channels4j.url", server.pusherUrl())));
    context.getBeanFactory().registerSingleton(BEAN_NAME, channels);
    context.addApplicationListener(event -> {
      if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
        server.close();
        if (relay != null) {
          relay.close();
        }
      }
    });
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
