package dev.channels4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.Publisher;
import dev.channels4j.spring.boot.ChannelsConnectionDetails;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Connection details, start-up reports named by core's settings, metrics from core's request listener. */
class PublicSeamsTest {
  @RegisterExtension
  static final SharedLocalServer server = new SharedLocalServer();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ChannelsAutoConfiguration.class));

  private static String startupReport(Throwable failure) {
    FailureAnalysis analysis = new ChannelsConfigurationFailureAnalyzer().analyze(failure);
    assertThat(analysis).as("a channels4j start-up report").isNotNull();
    return analysis.getDescription();
  }

  @Test
  void anUnsetPusherUrlVariableIsReportedAsUnset() {
    runner.withPropertyValues("channels4j.url=${PUSHER_URL}").run(context -> assertThat(startupReport(context.getStartupFailure()))
        .contains("channels4j.url").contains("${PUSHER_URL}, which is not set").doesNotContain("Illegal character"));
  }

  @Test
  void anUnsetMasterKeyVariableIsReportedAsUnset() {
    runner.withPropertyValues("channels4j.url=" + server.pusherUrl(),
            "channels4j.encryption-master-key=${PUSHER_ENCRYPTION_MASTER_KEY}")
        .run(context -> assertThat(startupReport(context.getStartupFailure()))
            .contains("channels4j.encryption-master-key").contains("PUSHER_ENCRYPTION_MASTER_KEY")
            .doesNotContain("base64"));
  }

  @Test
  void aSettingCoreRefusesIsReportedUnderItsProperty() {
    runner.withPropertyValues("channels4j.url=" + server.pusherUrl(), "channels4j.max-batch-size=0")
        .run(context -> assertThat(context).getFailure().rootCause()
            .isInstanceOfSatisfying(ChannelsConfigurationException.class,
                e -> assertThat(e.property()).isEqualTo("channels4j.max-batch-size")));
  }

  @Test
  void anUnknownSslBundleIsReportedUnderItsProperty() {
    runner.withPropertyValues("channels4j.url=" + server.pusherUrl(), "channels4j.ssl.bundle=nowhere")
        .withConfiguration(AutoConfigurations.of(org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration.class))
        .run(context -> assertThat(context).getFailure().rootCause()
            .isInstanceOfSatisfying(ChannelsConfigurationException.class,
                e -> assertThat(e.property()).isEqualTo("channels4j.ssl.bundle")));
  }

  @Test
  void theDefaultsAreCores() {
    ChannelsProperties defaults = new ChannelsProperties();
    assertThat(defaults.getConnectTimeout()).hasSeconds(3);
    assertThat(defaults.getTimeout()).hasSeconds(5);
    assertThat(defaults.getMaxResponseSize().toBytes()).isEqualTo(4L * 1024 * 1024);
  }

  @Test
  void anApplicationsConnectionDetailsReplaceTheProperties() {
    ChannelsConnectionDetails local = new ChannelsConnectionDetails() {
      public String appId() {
        return server.defaultApp().id();
      }

      public String key() {
        return server.defaultApp().key();
      }

      public String secret() {
        return server.defaultApp().secret();
      }

      public String host() {
        return "127.0.0.1";
      }

      public Integer port() {
        return server.port();
      }

      public boolean useTls() {
        return false;
      }
    };
    runner.withPropertyValues("channels4j.url=${PUSHER_URL}")  // unset, and not needed: the bean wins
        .withBean(ChannelsConnectionDetails.class, () -> local)
        .run(context -> assertThat(context.getBean(ChannelsClient.class).channels()).isNotNull());
  }

  @Test
  void anApplicationWithItsOwnClientNeedsNoConnectionProperty() {
    runner.withBean(ChannelsClient.class, server::newClient)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ChannelsConnectionDetails.class));
  }

  @Test
  void eachOperationIsTimedUnderItsOwnName() {
    runner.withPropertyValues("channels4j.url=" + server.pusherUrl())
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
          ChannelsClient client = context.getBean(ChannelsClient.class);
          client.sendToUser("alice", "hello", Map.of());
          client.channels();
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.get("channels4j.requests").tag("operation", "send_to_user").timer().count()).isEqualTo(1);
          assertThat(registry.get("channels4j.requests").tag("operation", "channels").timer().count()).isEqualTo(1);
          assertThat(registry.find("channels4j.requests").tag("operation", "trigger").timer()).isNull();
        });
  }

  @Test
  void thePublishersBatchesAreTimedAsTriggerBatch() {
    runner.withPropertyValues("channels4j.url=" + server.pusherUrl())
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
          context.getBean(Publisher.class).publish(Event.of("batched", "ev", Map.of()))
              .get(10, java.util.concurrent.TimeUnit.SECONDS);
          assertThat(context.getBean(MeterRegistry.class).get("channels4j.requests")
              .tag("operation", "trigger_batch").tag("outcome", "success").timer().count()).isEqualTo(1);
        });
  }

  @Test
  void everyBeanOfTheStarterIsNamedChannels4j() {
    runner.withPropertyValues("channels4j.url=" + server.pusherUrl())
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> assertThat(
            Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("channels"))
                .filter(name -> !name.startsWith(ChannelsProperties.class.getAnnotation(
                    org.springframework.boot.context.properties.ConfigurationProperties.class).prefix() + "-")))
            .isNotEmpty()
            .allMatch(name -> name.startsWith("channels4j"), "starts with channels4j"));
  }
}
