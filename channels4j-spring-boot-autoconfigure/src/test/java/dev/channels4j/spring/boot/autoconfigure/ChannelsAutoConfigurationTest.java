package dev.channels4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.Publisher;
import dev.channels4j.RetryPolicy;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spring.boot.ChannelsClientCustomizer;
import dev.channels4j.spring.boot.ChannelsPublisherCustomizer;
import dev.channels4j.spring.boot.TransactionalPublisher;
import dev.channels4j.testsupport.Await;
import dev.channels4j.testsupport.Threads;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ChannelsAutoConfigurationTest {
  @RegisterExtension
  static final SharedLocalServer server = new SharedLocalServer();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ChannelsAutoConfiguration.class));

  private ApplicationContextRunner local() {
    return runner.withPropertyValues("channels4j.url=" + server.pusherUrl());
  }

  @Test
  void buildsTheClientAndPublisherFromTheUrlProperty() {
    local().run(context -> {
      assertThat(context).hasSingleBean(ChannelsClient.class).hasSingleBean(Publisher.class)
          .hasSingleBean(TransactionalPublisher.class);
      context.getBean(ChannelsClient.class).trigger("orders", "created", Map.of("id", 1));
      assertThat(server.acceptedEvents()).anySatisfy(event -> assertThat(event.event()).isEqualTo("created"));
    });
  }

  @Test
  void buildsTheClientFromSeparateProperties() {
    runner.withPropertyValues("channels4j.app-id=app-id", "channels4j.key=app-key", "channels4j.secret=app-secret",
            "channels4j.host=127.0.0.1", "channels4j.port=" + server.port(), "channels4j.use-tls=false")
        .run(context -> assertThat(context.getBean(ChannelsClient.class).channels()).isNotNull());
  }

  @Test
  void fallsBackToThePusherUrlVariable() {
    runner.withPropertyValues("PUSHER_URL=" + server.pusherUrl())
        .run(context -> assertThat(context).hasSingleBean(ChannelsClient.class));
  }

  @Test
  void aMissingSecretFailsStartUpNamingTheProperty() {
    runner.withPropertyValues("channels4j.app-id=1", "channels4j.key=k", "channels4j.cluster=eu")
        .run(context -> assertThat(context).getFailure()
            .rootCause()
            .isInstanceOf(ChannelsConfigurationException.class)
            .hasMessageContaining("channels4j.secret"));
  }

  @Test
  void noConnectionSettingAtAllFailsStartUpNamingTheProperties() {
    runner.run(context -> assertThat(context).getFailure()
        .rootCause()
        .hasMessageContaining("channels4j.app-id")
        .hasMessageContaining("PUSHER_URL"));
  }

  @Test
  void anInvalidClusterFailsStartUpNamingTheProperty() {
    runner.withPropertyValues("channels4j.app-id=1", "channels4j.key=k", "channels4j.secret=s3cr3t-value",
            "channels4j.cluster=not a cluster")
        .run(context -> {
          assertThat(context).getFailure().rootCause()
              .isInstanceOf(ChannelsConfigurationException.class)
              .satisfies(e -> assertThat(((ChannelsConfigurationException) e).property())
                  .isEqualTo("channels4j.cluster"));
          assertThat(context.getStartupFailure()).rootCause().message().doesNotContain("s3cr3t-value");
        });
  }

  @Test
  void anInvalidPublisherSettingFailsStartUpNamingTheProperty() {
    local().withPropertyValues("channels4j.publisher.queue-capacity=0")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("channels4j.publisher.queue-capacity"));
  }

  @Test
  void aBadUrlFailsStartUpWithoutShowingTheUrl() {
    runner.withPropertyValues("channels4j.url=http://key:very-secret@127.0.0.1:1/not-apps")
        .run(context -> {
          assertThat(context).getFailure().rootCause().hasMessageContaining("channels4j.url");
          assertThat(context.getStartupFailure()).rootCause().message().doesNotContain("very-secret");
        });
  }

  @Test
  void theStartUpReportOfABadPusherUrlNamesTheVariableButNotItsSecret() {
    runner.withPropertyValues("PUSHER_URL=http://key:very-secret@127.0.0.1:1/not-apps")
        .run(context -> {
          FailureAnalysis analysis = new ChannelsConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
          assertThat(analysis).isNotNull();
          assertThat(analysis.getDescription()).contains("PUSHER_URL").doesNotContain("very-secret");
          assertThat(analysis.getAction()).contains("PUSHER_URL").doesNotContain("very-secret");
        });
  }

  @Test
  void theStartUpReportOfABadMasterKeyDoesNotShowTheKey() {
    local().withPropertyValues("channels4j.encryption-master-key=c2hvcnQta2V5LXRoYXQtaXMtbm90LTMyLWJ5dGVz")
        .run(context -> {
          FailureAnalysis analysis = new ChannelsConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
          assertThat(analysis.getDescription()).contains("channels4j.encryption-master-key")
              .doesNotContain("c2hvcnQta2V5");
        });
  }

  @Test
  void springBootFindsTheFailureAnalyzer() {
    // Boot's own analyzers need constructor arguments this test does not give: skip them.
    SpringFactoriesLoader.FailureHandler skipOthers = (type, implementation, failure) -> { };
    assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class, skipOthers))
        .hasAtLeastOneElementOfType(ChannelsConfigurationFailureAnalyzer.class);
  }

  @Test
  void aProxyWithoutCredentialsIsAccepted() {
    local().withPropertyValues("channels4j.proxy.host=127.0.0.1", "channels4j.proxy.port=3128")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ChannelsClient.class));
  }

  @Test
  void closingTheContextClosesTheTransportAfterTheClient() {
    local().run(context -> {
      context.getBean(ChannelsClient.class).trigger("transport-closing", "used", Map.of());
      String threads = "channels4j-request-deadlines";
      long before = Threads.alive(threads);
      context.close();
      Await.until("a " + threads + " thread ends", () -> Threads.alive(threads) < before, Duration.ofSeconds(5));
    });
  }

  @Test
  void theApplicationsOwnClientWins() {
    ChannelsClient mine = ChannelsClient.fromUrl(server.pusherUrl());
    local().withBean(ChannelsClient.class, () -> mine)
        .run(context -> assertThat(context.getBean(ChannelsClient.class)).isSameAs(mine));
  }

  @Test
  void thePublisherCanBeSwitchedOff() {
    local().withPropertyValues("channels4j.publisher.enabled=false").run(context -> {
      assertThat(context).hasSingleBean(ChannelsClient.class).doesNotHaveBean(Publisher.class)
          .doesNotHaveBean(TransactionalPublisher.class);
    });
  }

  @Test
  void clientCustomizersRun() {
    AtomicInteger calls = new AtomicInteger();
    ChannelsClientCustomizer customizer = builder -> {
      calls.incrementAndGet();
      builder.retryPolicy(RetryPolicy.none());
    };
    local().withBean(ChannelsClientCustomizer.class, () -> customizer)
        .run(context -> assertThat(calls).hasValue(1));
  }

  @Test
  void publisherCustomizersRun() {
    AtomicInteger calls = new AtomicInteger();
    ChannelsPublisherCustomizer customizer = options -> calls.incrementAndGet();
    local().withBean(ChannelsPublisherCustomizer.class, () -> customizer)
        .run(context -> assertThat(calls).hasValue(1));
  }

  @Test
  void eventDataIsSerializedByTheApplicationsMapper() {
    local().run(context -> {
      JsonCodec codec = context.getBean(JsonCodec.class);
      // Boot's mapper writes java.time as ISO text, not as numbers.
      assertThat(codec.toJson(Map.of("at", Instant.parse("2026-01-02T03:04:05Z"))))
          .isEqualTo("{\"at\":\"2026-01-02T03:04:05Z\"}");
    });
  }

  @Test
  void eventDataStaysCompactWhenTheApplicationIndentsJson() {
    local().withPropertyValues("spring.jackson.serialization.indent-output=true").run(context ->
        assertThat(context.getBean(JsonCodec.class).toJson(Map.of("a", 1))).isEqualTo("{\"a\":1}"));
  }

  @Test
  void closingTheContextDeliversWhatThePublisherAcceptedBeforeClosingTheClient() {
    local().run(context -> {
      context.getBean(Publisher.class).publish(Event.of("shutdown-order", "last-words", Map.of()));
      context.close();
      assertThat(server.acceptedEvents()).anySatisfy(event -> assertThat(event.event()).isEqualTo("last-words"));
    });
  }

  @Test
  void requestsAreTimedByOperationAndOutcome() {
    local().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      context.getBean(ChannelsClient.class).trigger("metered", "ev", Map.of());
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.get("channels4j.requests").tag("operation", "trigger").tag("outcome", "success")
          .timer().count()).isEqualTo(1);
    });
  }

  @Test
  void thePublishersQueueAndWindowAreGauges() {
    local().withConfiguration(AutoConfigurations.of(
            org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      context.getBean(Publisher.class).publish(Event.of("metered", "ev", Map.of())).get(10, java.util.concurrent.TimeUnit.SECONDS);
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.get("channels4j.publisher.queued").gauge().value()).isZero();
      assertThat(registry.get("channels4j.publisher.in.flight.limit").gauge().value()).isEqualTo(16);
    });
  }

  @Test
  void thePublishersWindowAndOrderingComeFromProperties() {
    dev.channels4j.PublisherOptions options = ClientFactory.publisherOptions(bind(
        "channels4j.publisher.min-in-flight-requests=4", "channels4j.publisher.max-in-flight-requests=32",
        "channels4j.publisher.ordering=NONE")).build();

    assertThat(options.minInFlightRequests()).isEqualTo(4);
    assertThat(options.maxInFlightRequests()).isEqualTo(32);
    assertThat(options.ordering()).isEqualTo(dev.channels4j.PublisherOptions.Ordering.NONE);
  }

  @Test
  void aLowMaxInFlightAloneMakesAFixedWindow() {
    dev.channels4j.PublisherOptions options = ClientFactory.publisherOptions(
        bind("channels4j.publisher.max-in-flight-requests=4")).build();

    assertThat(options.minInFlightRequests()).isEqualTo(4);
  }

  private static ChannelsProperties.Publisher bind(String... properties) {
    java.util.Map<String, String> values = new java.util.HashMap<>();
    for (String property : properties) {
      String[] pair = property.split("=", 2);
      values.put(pair[0], pair[1]);
    }
    return new org.springframework.boot.context.properties.bind.Binder(
            new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(values))
        .bind("channels4j", ChannelsProperties.class).get().getPublisher();
  }

  @Test
  void extraWebhookCredentialsAreAcceptedDuringRotation() {
    local().withPropertyValues("channels4j.webhooks.credentials[0].key=old-key",
            "channels4j.webhooks.credentials[0].secret=old-secret")
        .run(context -> {
          ChannelsClient old = ChannelsClient.builder().appId("app-id").key("old-key").secret("old-secret")
              .host("127.0.0.1").port(server.port()).useTls(false).build();
          byte[] body = ("{\"time_ms\":" + System.currentTimeMillis() + ",\"events\":[]}").getBytes();
          Map<String, java.util.List<String>> headers = old.signWebhook(body);
          assertThat(context.getBean(ChannelsClient.class).verifyWebhook(headers, body).events()).isEmpty();
          old.close();
        });
  }

  @Test
  void aWebhookCredentialWithoutSecretFailsStartUpNamingTheProperty() {
    local().withPropertyValues("channels4j.webhooks.credentials[0].key=old-key")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("channels4j.webhooks.credentials[0].secret"));
  }

  @Test
  void healthIsUpWithoutSpendingARequest() {
    local().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      HealthIndicator health = context.getBean("channels4jHealthIndicator", HealthIndicator.class);
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);
      assertThat(context.getBean(MeterRegistry.class).find("channels4j.requests").timers()).isEmpty();
    });
  }

  @Test
  void healthIsDownAfterConsecutiveFailures() {
    runner.withPropertyValues("channels4j.url=http://k:s@127.0.0.1:1/apps/1", "channels4j.retry.max-attempts=1",
            "channels4j.connect-timeout=1s")
        .run(context -> {
          ChannelsClient client = context.getBean(ChannelsClient.class);
          for (int i = 0; i < 3; i++) {
            try {
              client.channels();
            } catch (RuntimeException expected) {
              // refused: nothing listens on port 1
            }
          }
          HealthIndicator health = context.getBean("channels4jHealthIndicator", HealthIndicator.class);
          assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.health().getDetails()).containsEntry("consecutiveFailures", 3);
        });
  }

  @Test
  void theHealthProbeIsOptIn() {
    local().withPropertyValues("channels4j.health.probe=true").run(context -> {
      HealthIndicator health = context.getBean("channels4jHealthIndicator", HealthIndicator.class);
      assertThat(health.health().getDetails()).containsEntry("probe", "ok");
    });
  }

  @Test
  void secretsAreMaskedInActuatorEndpoints() {
    local().run(context -> {
      SanitizingFunction function = context.getBean(SanitizingFunction.class);
      for (String key : new String[] {"channels4j.secret", "channels4j.url", "PUSHER_URL",
          "channels4j.encryption-master-key", "channels4j.proxy.password", "channels4j.webhooks.credentials[0].secret",
          "secret", "url"}) {
        assertThat(function.apply(new SanitizableData(null, key, "value")).getValue()).as(key).isEqualTo("******");
      }
      assertThat(function.apply(new SanitizableData(null, "channels4j.key", "value")).getValue()).isEqualTo("value");
    });
  }

  @Test
  void theSecretIsNotInTheToStringOfAnyBean() {
    runner.withPropertyValues("channels4j.url=http://app-key:top-secret-value@127.0.0.1:" + server.port() + "/apps/app-id")
        .run(context -> {
          assertThat(context.getBean(ChannelsClient.class).toString()).doesNotContain("top-secret-value");
          assertThat(context.getBean(ChannelsProperties.class).toString()).doesNotContain("top-secret-value");
        });
  }

  @Test
  void everythingCanBeSwitchedOff() {
    local().withPropertyValues("channels4j.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(ChannelsClient.class));
  }
}
