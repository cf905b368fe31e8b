package dev.channels4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.spring.boot.ChannelAuthorization;
import java.security.Principal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.annotation.RequestScope;

/** What the endpoints' configuration refuses or tolerates at start-up, on each stack. */
class EndpointsStartUpTest {
  private static final String URL = "channels4j.url=http://app-key:app-secret@127.0.0.1:9/apps/1";
  private static final String MASTER_KEY = "channels4j.encryption-master-key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=";
  private static final AutoConfigurations CHANNELS = AutoConfigurations.of(
      ChannelsAutoConfiguration.class, ChannelsWebAutoConfiguration.class, ChannelsWebFluxAutoConfiguration.class);

  private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
      .withConfiguration(CHANNELS).withPropertyValues(URL);
  private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
      .withConfiguration(CHANNELS).withPropertyValues(URL);

  static class BrokenRule {
    @ChannelAuthorization("orders.{id}")
    boolean publicChannel(Principal user) {
      return true;
    }
  }

  static class EncryptedRule {
    @ChannelAuthorization("private-encrypted-vault")
    boolean vault(Principal user) {
      return true;
    }
  }

  public static class PerRequest {
    @ChannelAuthorization("private-request")
    public boolean rule(Principal user) {
      return true;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class RequestScoped {
    @Bean
    @RequestScope
    PerRequest perRequest() {
      return new PerRequest();
    }
  }

  @Test
  void aReactiveApplicationGetsTheEndpoints() {
    reactive.run(context -> assertThat(context).hasSingleBean(ReactiveChannelsAuthEndpoints.class)
        .hasSingleBean(ReactiveChannelsWebhookFilter.class).doesNotHaveBean(ChannelsAuthEndpoints.class));
  }

  @Test
  void aServletApplicationGetsTheServletEndpointsOnly() {
    servlet.run(context -> assertThat(context).hasSingleBean(ChannelsAuthEndpoints.class)
        .doesNotHaveBean(ReactiveChannelsAuthEndpoints.class).doesNotHaveBean(ReactiveChannelsWebhookFilter.class));
  }

  @Test
  void aBrokenRuleStopsAReactiveApplication() {
    reactive.withBean(BrokenRule.class).run(context -> assertThat(context).getFailure()
        .hasMessageContaining("@ChannelAuthorization(\"orders.{id}\")").hasMessageContaining("must start with private-"));
  }

  @Test
  void anEncryptedRuleWithoutAMasterKeyStopsAServletApplicationNamingTheProperty() {
    servlet.withBean(EncryptedRule.class).run(context -> assertThat(context).getFailure()
        .isInstanceOf(ChannelsConfigurationException.class)
        .hasMessageStartingWith("channels4j.encryption-master-key: is not set")
        .hasMessageContaining("private-encrypted-vault"));
  }

  @Test
  void anEncryptedRuleWithoutAMasterKeyStopsAReactiveApplicationNamingTheProperty() {
    reactive.withBean(EncryptedRule.class).run(context -> assertThat(context).getFailure()
        .hasMessageStartingWith("channels4j.encryption-master-key: is not set"));
  }

  @Test
  void anEncryptedRuleWithAMasterKeyStarts() {
    servlet.withBean(EncryptedRule.class).withPropertyValues(MASTER_KEY).run(context -> assertThat(context)
        .hasNotFailed());
  }

  @Test
  void aRequestScopedRuleIsRegisteredOnce() {
    servlet.withUserConfiguration(RequestScoped.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(ChannelRules.class).rules()).extracting(ChannelRule::pattern)
          .containsExactly("private-request");
    });
  }

  @Test
  void withAuthDisabledNoRuleIsRead() {
    reactive.withBean(BrokenRule.class).withPropertyValues("channels4j.auth.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ChannelRules.class)
            .hasSingleBean(ReactiveChannelsWebhookFilter.class));
  }
}
