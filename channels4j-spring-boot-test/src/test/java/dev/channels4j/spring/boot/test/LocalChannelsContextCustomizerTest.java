package dev.channels4j.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.spring.boot.ChannelsConnectionDetails;
import dev.channels4j.local.AcceptedEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.support.GenericApplicationContext;

class LocalChannelsContextCustomizerTest {
  private final LocalChannelsContextCustomizer customizer = new LocalChannelsContextCustomizer(false, true, true, true, false);

  private static LocalChannels channelsOf(GenericApplicationContext context) {
    return context.getBeanFactory().getBean(LocalChannelsContextCustomizer.BEAN_NAME, LocalChannels.class);
  }

  @Test
  void theLocalServersConnectionDetailsWinOverTheApplicationsOwn() {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      context.registerBean("production", ChannelsConnectionDetails.class, () -> new ChannelsConnectionDetails() {
        public String appId() {
          return "1";
        }

        public String key() {
          return "production-key";
        }

        public String secret() {
          return "production-secret";
        }

        public String cluster() {
          return "eu";
        }
      });
      customizer.customizeContext(context, null);
      context.refresh();
      int port = channelsOf(context).server().port();

      ChannelsConnectionDetails details = context.getBean(ChannelsConnectionDetails.class);
      assertThat(details.key()).isEqualTo("app-key");
      assertThat(details.secret()).isEqualTo("app-secret");
      assertThat(details.host()).isEqualTo("127.0.0.1");
      assertThat(details.port()).isEqualTo(port);
      assertThat(details.useTls()).isFalse();
      assertThat(details.toString()).doesNotContain("app-secret");
    }
  }

  @Test
  void theServerStillAnswersWhileTheAppsBeansClose() {
    AtomicReference<Object> lastWords = new AtomicReference<>();
    LocalChannels channels;
    int port;
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      customizer.customizeContext(context, null);
      context.registerBean("publishesOnClose", DisposableBean.class, () -> () -> {
        try (ChannelsClient client = ChannelsClient.fromUrl(channelsOf(context).pusherUrl())) {
          client.trigger("shutdown", "last-words", Map.of());
          lastWords.set("sent");
        } catch (RuntimeException e) {
          lastWords.set(e);
        }
      });
      context.refresh();
      channels = channelsOf(context);
      port = channels.server().port();
    }

    assertThat(lastWords.get()).isEqualTo("sent");
    assertThat(channels.server().acceptedEvents()).extracting(AcceptedEvent::event).contains("last-words");
    assertThat(accepts(port)).isFalse();
  }

  @Test
  void aContextThatFailsToStartStopsTheServer() {
    GenericApplicationContext context = new GenericApplicationContext();
    customizer.customizeContext(context, null);
    int port = channelsOf(context).server().port();
    context.registerBean("broken", Object.class, () -> {
      throw new IllegalStateException("this bean cannot be made");
    });

    assertThatThrownBy(context::refresh).hasRootCauseMessage("this bean cannot be made");
    assertThat(accepts(port)).isFalse();
  }

  @Test
  void tlsIsPartOfTheSettingsThatShareAContext() {
    LocalChannelsContextCustomizer withTls = new LocalChannelsContextCustomizer(false, true, true, true, true);

    assertThat(withTls).isEqualTo(new LocalChannelsContextCustomizer(false, true, true, true, true))
        .hasSameHashCodeAs(new LocalChannelsContextCustomizer(false, true, true, true, true))
        .isNotEqualTo(customizer);
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
