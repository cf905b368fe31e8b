package dev.channels4j;

import static dev.channels4j.TestClients.clientFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.testing.RecordingHttpServer.Reply;
import dev.channels4j.testing.RecordingHttpServer;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Typed results read from what a real server answered (vectors: go-library §7.1.6, §7.1.7). */
class ClientResponsesTest {
  private static final String SESSION = "presence-session-d41a439c438a100756f5-4bf35003e819bb138249-";

  @AutoClose
  private final RecordingHttpServer server = RecordingHttpServer.start();
  @AutoClose
  private final ChannelsClient client = clientFor(server);

  @Test
  void triggerWithSubscriptionCountReadsIt() {
    server.enqueue(Reply.json("{\"channels\":{\"test_channel\":{\"subscription_count\":1}}}"));

    TriggerResult result = client.trigger(Event.of("test_channel", "test", "yolo").withInfo(Info.SUBSCRIPTION_COUNT));

    ChannelCounts counts = result.channel("test_channel").orElseThrow();
    assertThat(counts.subscriptionCount()).isEqualTo(OptionalInt.of(1));
    assertThat(counts.userCount()).isEmpty();
  }

  @Test
  void triggerOnSeveralChannelsReadsEachChannelsCounts() {
    server.enqueue(Reply.json("{\"channels\":{\"presence-test_channel\":{\"subscription_count\":2,\"user_count\":1},"
        + "\"test_channel\":{\"subscription_count\":3}}}"));

    TriggerResult result = client.trigger(Event.of(List.of("presence-test_channel", "test_channel"), "test", "yolo")
        .withInfo(Info.USER_COUNT, Info.SUBSCRIPTION_COUNT));

    assertThat(result.channel("presence-test_channel").orElseThrow())
        .isEqualTo(new ChannelCounts(OptionalInt.of(1), OptionalInt.of(2)));
    assertThat(result.channel("test_channel").orElseThrow())
        .isEqualTo(new ChannelCounts(OptionalInt.empty(), OptionalInt.of(3)));
  }

  @Test
  void triggerResultKeepsChannelsWithoutAttributesAsEmptyCounts() {
    server.enqueue(Reply.json("{\"channels\":{\"" + SESSION + "5cbTiUiPNGI\":{},\"" + SESSION
        + "PbZ5E1pP8uF\":{\"user_count\":1},\"" + SESSION + "oz6iqpSxMwG\":{\"user_count\":2,\"subscription_count\":3}}}"));

    TriggerResult result = client.trigger("c", "e", "d");

    assertThat(result.channels()).hasSize(3);
    assertThat(result.channel(SESSION + "5cbTiUiPNGI").orElseThrow())
        .isEqualTo(new ChannelCounts(OptionalInt.empty(), OptionalInt.empty()));
    assertThat(result.channel(SESSION + "PbZ5E1pP8uF").orElseThrow().userCount()).isEqualTo(OptionalInt.of(1));
    assertThat(result.channel(SESSION + "oz6iqpSxMwG").orElseThrow())
        .isEqualTo(new ChannelCounts(OptionalInt.of(2), OptionalInt.of(3)));
  }

  @Test
  void emptyObjectIsASuccessWithNoChannels() {
    server.enqueue(Reply.json("{}"));

    assertThat(client.trigger("c", "e", "d").channels()).isEmpty();
  }

  @Test
  void soketiOkTrueIsASuccess() {
    server.enqueue(Reply.json("{\"ok\":true}"));

    assertThat(client.trigger("c", "e", "d").channels()).isEmpty();
  }

  @Test
  void nonJsonTwoHundredIsASuccess() {
    server.enqueue(Reply.text(200, "OK"));

    assertThat(client.trigger("c", "e", "d").channels()).isEmpty();
  }

  @Test
  void emptyTwoHundredIsASuccessForEveryPost() {
    server.otherwise(Reply.status(200));

    client.sendToUser("u1", "e", "d");
    client.terminateUserConnections("u1");
    assertThat(client.triggerBatch(List.of(Event.of("c", "e", "d"))).events()).isEmpty();
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void batchWithInfoReadsCountsPerEventInOrder() {
    server.enqueue(Reply.json("{\"batch\":[{\"subscription_count\":2,\"user_count\":1},{\"subscription_count\":3}]}"));

    BatchResult result = client.triggerBatch(List.of(
        Event.of("presence-test_channel", "test", "yolo1").withInfo(Info.USER_COUNT, Info.SUBSCRIPTION_COUNT),
        Event.of("test_channel", "test", "yolo2").withInfo(Info.SUBSCRIPTION_COUNT)));

    assertThat(result.events()).containsExactly(
        new ChannelCounts(OptionalInt.of(1), OptionalInt.of(2)),
        new ChannelCounts(OptionalInt.empty(), OptionalInt.of(3)));
  }

  @Test
  void batchWithoutInfoIsEmpty() {
    server.enqueue(Reply.json("{}"));

    assertThat(client.triggerBatch(List.of(Event.of("c", "e", "1"), Event.of("c", "e", "2"))).events()).isEmpty();
  }

  @Test
  void channelsListsEveryChannelWithItsUserCount() {
    server.enqueue(Reply.json("{\"channels\":{\"" + SESSION + "5cbTiUiPNGI\":{\"user_count\":1},\"" + SESSION
        + "PbZ5E1pP8uF\":{\"user_count\":1},\"" + SESSION + "oz6iqpSxMwG\":{\"user_count\":1}}}"));

    ChannelList list = client.channels(ChannelsQuery.prefix("presence-").withUserCount());

    assertThat(list.names()).containsExactly(SESSION + "5cbTiUiPNGI", SESSION + "PbZ5E1pP8uF", SESSION + "oz6iqpSxMwG");
    assertThat(list.channels().values()).allSatisfy(c -> assertThat(c.userCount()).isEqualTo(OptionalInt.of(1)));
  }

  @Test
  void channelsWithoutAttributesListsNamesWithEmptyCounts() {
    server.enqueue(Reply.json("{\"channels\":{\"lobby\":{},\"orders\":{}}}"));

    ChannelList list = client.channels();

    assertThat(list.names()).containsExactly("lobby", "orders");
    assertThat(list.channels().get("lobby").userCount()).isEmpty();
  }

  @Test
  void channelsAnswerWithoutChannelsObjectIsAnApiException() {
    server.enqueue(Reply.json("{\"ok\":true}"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.channels())
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("channels");
  }

  @Test
  void channelReadsOccupiedAndCounts() {
    server.enqueue(Reply.json("{\"user_count\":1,\"occupied\":true,\"subscription_count\":1}"));

    ChannelInfo info = client.channel("presence-test_channel", Info.USER_COUNT, Info.SUBSCRIPTION_COUNT);

    assertThat(info.name()).isEqualTo("presence-test_channel");
    assertThat(info.occupied()).isTrue();
    assertThat(info.userCount()).isEqualTo(OptionalInt.of(1));
    assertThat(info.subscriptionCount()).isEqualTo(OptionalInt.of(1));
    assertThat(info.cache()).isEmpty();
  }

  @Test
  void unoccupiedChannelHasNoCounts() {
    server.enqueue(Reply.json("{\"occupied\":false}"));

    ChannelInfo info = client.channel("test_channel");

    assertThat(info.occupied()).isFalse();
    assertThat(info.userCount()).isEmpty();
    assertThat(info.subscriptionCount()).isEmpty();
  }

  @Test
  void cacheChannelReturnsItsCachedEvent() {
    server.enqueue(Reply.json("{\"occupied\":true,\"cache\":{\"data\":\"{\\\"price\\\":3}\",\"ttl\":1790}}"));

    ChannelInfo info = client.channel("cache-prices", Info.CACHE);

    assertThat(info.cache()).contains(new ChannelInfo.CachedEvent("{\"price\":3}", 1790));
  }

  @Test
  void usersReturnsTheMemberIdsInOrder() {
    server.enqueue(Reply.json("{\"users\":[{\"id\":\"red\"},{\"id\":\"blue\"}]}"));

    assertThat(client.users("presence-test_channel")).containsExactly("red", "blue");
  }

  @Test
  void usersAnswerThatIsNotJsonIsAnApiException() {
    server.enqueue(Reply.text(200, "[];;[[p{{}}{{{}[][][]@£$@"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.users("presence-test_channel"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("cannot be read");
  }
}
