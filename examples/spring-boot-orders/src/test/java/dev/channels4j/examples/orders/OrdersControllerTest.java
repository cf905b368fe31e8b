package dev.channels4j.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.spring.boot.ChannelsConnectionDetails;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.csrf.DefaultCsrfToken;

class OrdersControllerTest {
  private static final DefaultCsrfToken CSRF = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token");

  private static Map<String, Object> me(String cluster, String host, Integer port, boolean tls) {
    ChannelsConnectionDetails channels = new ChannelsConnectionDetails() {
      @Override public String appId() { return "1"; }
      @Override public String key() { return "the-key"; }
      @Override public String secret() { return "the-secret"; }
      @Override public String cluster() { return cluster; }
      @Override public String host() { return host; }
      @Override public Integer port() { return port; }
      @Override public boolean useTls() { return tls; }
    };
    return new OrdersController(null, null, channels).me(() -> "alice", CSRF);
  }

  @Test
  void againstPusherByClusterThePageConnectsByCluster() {
    assertThat(me("eu", null, null, true)).containsEntry("key", "the-key").containsEntry("cluster", "eu")
        .doesNotContainKey("wsHost");
  }

  @Test
  void againstPushersApiHostThePageConnectsByItsCluster() {
    assertThat(me(null, "api-eu.pusher.com", null, true)).containsEntry("cluster", "eu").doesNotContainKey("wsHost");
  }

  @Test
  void againstALocalServerThePageConnectsByHostAndPort() {
    assertThat(me(null, "127.0.0.1", 6001, false))
        .containsEntry("wsHost", "127.0.0.1").containsEntry("wsPort", 6001).containsEntry("forceTLS", false);
  }

  @Test
  void overTlsWithoutAPortThePageUses443() {
    assertThat(me(null, "channels.example.com", null, true)).containsEntry("wsPort", 443).containsEntry("forceTLS", true);
  }

  @Test
  void theSecretNeverReachesThePage() {
    assertThat(me(null, "127.0.0.1", 6001, false).toString()).doesNotContain("the-secret");
  }
}
