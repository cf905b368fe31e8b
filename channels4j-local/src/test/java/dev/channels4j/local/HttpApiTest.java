package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ApiException;
import dev.channels4j.ChannelInfo;
import dev.channels4j.ChannelList;
import dev.channels4j.ChannelsClient;
import dev.channels4j.ChannelsQuery;
import dev.channels4j.Event;
import dev.channels4j.Info;
import dev.channels4j.TriggerResult;
import dev.channels4j.auth.PresenceMember;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpApiTest {
  @RegisterExtension
  static final LocalServerExtension SERVER = LocalServerExtension.perClass();

  @Test
  void triggerAnswersEmptyObject(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).post("/apps/app-id/events",
        "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"d\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
  }

  @Test
  void triggerWithInfoReturnsCountsPerChannel(ChannelsClient client, Peer a, Peer b) {
    a.subscribe("counted");
    b.subscribe("counted");
    a.subscribePresence("presence-counted", PresenceMember.of("u1"));
    TriggerResult result = client.trigger(
        Event.of(List.of("counted", "presence-counted"), "e", "d").withInfo(Info.USER_COUNT, Info.SUBSCRIPTION_COUNT));
    assertThat(result.channel("counted").orElseThrow().subscriptionCount()).hasValue(2);
    assertThat(result.channel("counted").orElseThrow().userCount()).isEmpty();
    assertThat(result.channel("presence-counted").orElseThrow().userCount()).hasValue(1);
  }

  @Test
  void channelNamedTwiceInATriggerGetsTheEventOnce(LocalServer server, Peer subscriber) {
    subscriber.subscribe("twice");
    RawApi api = new RawApi(server);
    api.post("/apps/app-id/events", "{\"name\":\"e\",\"channels\":[\"twice\",\"twice\"],\"data\":\"d\"}");
    // Published after it on the same channel: once this is in, a second copy would have been too.
    api.post("/apps/app-id/events", "{\"name\":\"after\",\"channel\":\"twice\",\"data\":\"d\"}");
    subscriber.awaitEvent("twice", "after");
    assertThat(subscriber.events("twice", "e")).hasSize(1);
  }

  @Test
  void channelNamedTwiceInATriggerIsRecordedOnce(LocalServer server) {
    new RawApi(server).post("/apps/app-id/events",
        "{\"name\":\"e\",\"channels\":[\"recorded\",\"recorded\"],\"data\":\"d\"}");
    assertThat(server.acceptedEvents()).filteredOn(e -> e.channel().equals("recorded")).hasSize(1);
  }

  @Test
  void batchDeliversEveryEventInOrder(ChannelsClient client, Peer subscriber) {
    subscriber.subscribe("batched");
    client.triggerBatch(List.of(Event.of("batched", "one", "1"), Event.of("batched", "two", "2")));
    assertThat(subscriber.awaitEvent("batched", "one").data()).isEqualTo("1");
    assertThat(subscriber.awaitEvent("batched", "two").data()).isEqualTo("2");
    assertThat(subscriber.events().stream().map(e -> e.event()).filter(n -> !n.startsWith("pusher")).toList())
        .containsExactly("one", "two");
  }

  @Test
  void batchWithInfoAnswersIndexAlignedAttributes(LocalServer server, Peer subscriber) {
    subscriber.subscribe("batch-info");
    HttpResponse<String> response = new RawApi(server).post("/apps/app-id/batch_events",
        "{\"batch\":[{\"name\":\"a\",\"channel\":\"batch-info\",\"data\":\"x\",\"info\":\"subscription_count\"},"
            + "{\"name\":\"b\",\"channel\":\"batch-info\",\"data\":\"y\"}]}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"batch\":[{\"subscription_count\":1},{}]}");
  }

  @Test
  void channelsListsOccupiedChannelsOnly(ChannelsClient client, Peer subscriber) {
    subscriber.subscribe("listed-1");
    subscriber.subscribe("listed-2");
    subscriber.unsubscribe("listed-2");
    subscriber.sync();
    ChannelList list = client.channels(ChannelsQuery.prefix("listed-"));
    assertThat(list.names()).containsExactly("listed-1");
  }

  @Test
  void channelsWithUserCountForPresencePrefix(ChannelsClient client, Peer a, Peer b) {
    a.subscribePresence("presence-list", PresenceMember.of("u1"));
    b.subscribePresence("presence-list", PresenceMember.of("u2"));
    ChannelList list = client.channels(ChannelsQuery.prefix("presence-list").withUserCount());
    assertThat(list.channels().get("presence-list").userCount()).hasValue(2);
  }

  @Test
  void channelsUserCountWithoutPresencePrefixIs400(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).get("/apps/app-id/channels", Map.of("info", "user_count"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("user_count may only be requested for presence channels");
  }

  @Test
  void channelInfoReportsOccupancyAndCounts(ChannelsClient client, Peer subscriber) {
    subscriber.subscribe("info-channel");
    ChannelInfo info = client.channel("info-channel", Info.SUBSCRIPTION_COUNT);
    assertThat(info.occupied()).isTrue();
    assertThat(info.subscriptionCount()).hasValue(1);
    assertThat(client.channel("vacant-channel").occupied()).isFalse();
  }

  @Test
  void userCountOnNonPresenceChannelIs400(ChannelsClient client) {
    assertThatThrownBy(() -> client.channel("public-x", Info.USER_COUNT))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.body()).contains("Cannot retrieve the user count unless the channel is a presence channel");
        });
  }

  @Test
  void cacheOnNonCacheChannelIs400(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).get("/apps/app-id/channels/plain", Map.of("info", "cache"));
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void unknownInfoAttributeIs400(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).get("/apps/app-id/channels/plain", Map.of("info", "colour"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("colour");
  }

  @Test
  void usersListsPresenceMembers(ChannelsClient client, Peer a, Peer b) {
    a.subscribePresence("presence-users", PresenceMember.of("alice"));
    b.subscribePresence("presence-users", PresenceMember.of("bob"));
    assertThat(client.users("presence-users")).containsExactly("alice", "bob");
  }

  @Test
  void usersOnNonPresenceChannelIs400(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).get("/apps/app-id/channels/public-y/users", Map.of());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("presence");
  }

  @Test
  void channelNamesWithSpecialCharactersRoundTrip(ChannelsClient client, Peer subscriber) {
    String name = "odd-name_=@,.;x";
    subscriber.subscribe(name);
    client.trigger(name, "e", "d");
    subscriber.awaitEvent(name, "e");
    assertThat(client.channel(name).occupied()).isTrue();
  }

  @Test
  void errorsArePlainText(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).get("/apps/app-id/channels/public-y/users", Map.of());
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
  }

  @Test
  void unknownInfoAttributeOnTriggerIs400AndPublishesNothing(LocalServer server) {
    server.app().clearAcceptedEvents();
    HttpResponse<String> response = new RawApi(server).post("/apps/app-id/events",
        "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"d\",\"info\":\"cache\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("Unknown info attribute cache");
    assertThat(server.acceptedEvents()).isEmpty();
  }

  @Test
  void cacheOnNonCacheChannelNamesTheRule(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).get("/apps/app-id/channels/plain", Map.of("info", "cache"));
    assertThat(response.body()).isEqualTo("Cannot retrieve the cache unless the channel is a cache channel\n");
  }

  @Test
  void inspectionListsTheOccupiedChannels(LocalServer server, Peer subscriber) {
    subscriber.subscribe("inspected-1");
    subscriber.subscribe("inspected-2");
    subscriber.unsubscribe("inspected-2");
    subscriber.sync();
    assertThat(server.channels()).contains("inspected-1").doesNotContain("inspected-2");
    assertThat(server.app().subscriptionCount("inspected-1")).isEqualTo(1);
  }

  @Test
  void terminateConnectionsAnswersEmptyObject(LocalServer server) {
    HttpResponse<String> response = new RawApi(server).post("/apps/app-id/users/nobody/terminate_connections", "{}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
  }
}
