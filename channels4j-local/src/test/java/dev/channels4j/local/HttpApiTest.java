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
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  /** Subscribes to {@code prefix-1} and {@code prefix-2}, then leaves {@code prefix-2}: only the first stays occupied. */
  private static void occupyTheFirstOfTwo(Peer subscriber, String prefix) {
    subscriber.subscribe(prefix + "-1");
    subscriber.subscribe(prefix + "-2");
    subscriber.unsubscribe(prefix + "-2");
    subscriber.sync();
  }

  @Test
  void channelsListsOccupiedChannelsOnly(ChannelsClient client, Peer subscriber) {
    occupyTheFirstOfTwo(subscriber, "listed");
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

  /** Queries the server refuses with 400, each named for the rule it breaks, with the part of the answer naming it. */
  static Stream<Arguments> refusedQueries() {
    return Stream.of(
        refused("user_count on the channel list without a presence prefix", "/apps/app-id/channels",
            Map.of("info", "user_count"), "user_count may only be requested for presence channels"),
        refused("the cache of a channel that is not a cache channel", "/apps/app-id/channels/plain",
            Map.of("info", "cache"), "Cannot retrieve the cache unless the channel is a cache channel\n"),
        refused("an unknown info attribute", "/apps/app-id/channels/plain", Map.of("info", "colour"), "colour"),
        refused("the users of a channel that is not a presence channel", "/apps/app-id/channels/public-y/users",
            Map.of(), "presence"));
  }

  private static Arguments refused(String rule, String path, Map<String, String> params, String problem) {
    return Arguments.of(Named.of(rule, path), params, problem);
  }

  @ParameterizedTest(name = "asking for {0} is 400")
  @MethodSource("refusedQueries")
  void queryBreakingARuleIs400NamingTheProblem(String path, Map<String, String> params, String problem,
      LocalServer server) {
    HttpResponse<String> response = new RawApi(server).get(path, params);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains(problem);
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
  void usersListsPresenceMembers(ChannelsClient client, Peer a, Peer b) {
    a.subscribePresence("presence-users", PresenceMember.of("alice"));
    b.subscribePresence("presence-users", PresenceMember.of("bob"));
    assertThat(client.users("presence-users")).containsExactly("alice", "bob");
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
  void inspectionListsTheOccupiedChannels(LocalServer server, Peer subscriber) {
    occupyTheFirstOfTwo(subscriber, "inspected");
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
