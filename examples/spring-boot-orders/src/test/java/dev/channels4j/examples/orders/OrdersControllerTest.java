package dev.channels4j.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.csrf.DefaultCsrfToken;

class OrdersControllerTest {
  private static final DefaultCsrfToken CSRF = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token");

  private static Map<String, Object> me(String url, String key) {
    return new OrdersController(null, null, url, key).me(() -> "alice", CSRF);
  }

  @Test
  void againstPusherThePageConnectsByCluster() {
    Map<String, Object> me = me("https://key:secret@api-eu.pusher.com/apps/1", "");
    assertThat(me).containsEntry("key", "key").containsEntry("cluster", "eu").doesNotContainKey("wsHost");
  }

  @Test
  void againstALocalServerThePageConnectsByHostAndPort() {
    Map<String, Object> me = me("http://app-key:app-secret@127.0.0.1:6001/apps/app-id", "");
    assertThat(me).containsEntry("wsHost", "127.0.0.1").containsEntry("wsPort", 6001).containsEntry("forceTLS", false);
  }

  @Test
  void theKeyPropertyWinsOverTheUrlsKey() {
    assertThat(me("http://127.0.0.1:6001/apps/app-id", "separate-key")).containsEntry("key", "separate-key");
  }

  @Test
  void theSecretNeverReachesThePage() {
    assertThat(me("https://key:secret@api-eu.pusher.com/apps/1", "").toString()).doesNotContain("secret");
  }
}
