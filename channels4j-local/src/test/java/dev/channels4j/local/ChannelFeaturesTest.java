package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelInfo;
import dev.channels4j.ChannelsClient;
import dev.channels4j.Info;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cache channels and subscription counting. */
class ChannelFeaturesTest {
  @RegisterExtension
  static final LocalServerExtension SERVER = LocalServerExtension.perClass(server -> server.subscriptionCount(true));

  @Test
  void emptyCacheChannelSendsCacheMiss(Peer subscriber) {
    subscriber.subscribe("cache-empty");
    assertThat(subscriber.awaitEvent("cache-empty", "pusher:cache_miss").data()).isEqualTo("{}");
  }

  @Test
  void cacheChannelDeliversLastEventToNewSubscriber(ChannelsClient client, Peer late) {
    client.trigger("cache-prices", "price", "1");
    client.trigger("cache-prices", "price", "2");
    late.subscribe("cache-prices");
    assertThat(late.awaitEvent("cache-prices", "price").data()).isEqualTo("2");
    late.sync();
    assertThat(late.events("cache-prices", "pusher:cache_miss")).isEmpty();
  }

  @Test
  void cacheInfoReturnsDataAndTtl(ChannelsClient client) {
    client.trigger("cache-info", "e", "cached-data");
    ChannelInfo info = client.channel("cache-info", Info.CACHE);
    assertThat(info.cache()).hasValueSatisfying(c -> {
      assertThat(c.data()).isEqualTo("cached-data");
      assertThat(c.ttlSeconds()).isBetween(1L, 1800L);
    });
  }

  @Test
  void subscriptionCountIsBroadcastOnEveryChange(Peer a, Peer b) {
    a.subscribe("counted-room");
    assertThat(a.awaitEvent("counted-room", "pusher_internal:subscription_count").data())
        .isEqualTo("{\"subscription_count\":1}");
    b.subscribe("counted-room");
    assertThat(a.awaitEvent("counted-room", "pusher_internal:subscription_count").data())
        .isEqualTo("{\"subscription_count\":2}");
    b.unsubscribe("counted-room");
    assertThat(a.awaitEvent("counted-room", "pusher_internal:subscription_count").data())
        .isEqualTo("{\"subscription_count\":1}");
  }

  @Test
  void subscriptionCountIsNotSentWhenDisabled() {
    try (LocalServer server = LocalServer.builder().port(0).build().start();
        Peer subscriber = Peer.connect(server)) {
      subscriber.subscribe("quiet");
      subscriber.sync();
      assertThat(subscriber.events("quiet", "pusher_internal:subscription_count")).isEmpty();
    }
  }
}
