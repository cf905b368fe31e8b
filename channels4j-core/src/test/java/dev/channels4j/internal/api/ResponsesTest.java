package dev.channels4j.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ApiException;
import dev.channels4j.BatchResult;
import dev.channels4j.ChannelCounts;
import dev.channels4j.ChannelInfo;
import dev.channels4j.ChannelList;
import dev.channels4j.TriggerResult;
import dev.channels4j.internal.api.Dispatcher.ApiResponse;
import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Reading results out of successful answers, against go-library.md §7.1.6 and §7.1.7. No network. */
class ResponsesTest {
  private static final String SESSION = "presence-session-d41a439c438a100756f5-4bf35003e819bb138249-";
  private static final ApiRequest CHANNELS = ApiRequest.get(dev.channels4j.RequestEvent.Operation.CHANNELS, "/apps/1/channels", Map.of());
  private static final ApiRequest EVENTS = ApiRequest.post(dev.channels4j.RequestEvent.Operation.TRIGGER, "/apps/1/events", new byte[0]);
  private static final ApiRequest BATCH = ApiRequest.post(dev.channels4j.RequestEvent.Operation.TRIGGER_BATCH, "/apps/1/batch_events", new byte[0]);

  @Test
  void triggerResultOfTheGoParsingVector() {
    TriggerResult result = Responses.trigger(EVENTS, ok("{\"channels\":{\"" + SESSION + "5cbTiUiPNGI\":{},\""
        + SESSION + "PbZ5E1pP8uF\":{\"user_count\":1},\"" + SESSION
        + "oz6iqpSxMwG\":{\"user_count\":2,\"subscription_count\":3}}}"));

    assertThat(result.channels()).containsExactly(
        Map.entry(SESSION + "5cbTiUiPNGI", counts(null, null)),
        Map.entry(SESSION + "PbZ5E1pP8uF", counts(1, null)),
        Map.entry(SESSION + "oz6iqpSxMwG", counts(2, 3)));
  }

  @Test
  void triggerResultOfTheGoMultiChannelVector() {
    TriggerResult result = Responses.trigger(EVENTS, ok("{\"channels\":{\"presence-test_channel\":{\"subscription_count\":2,"
        + "\"user_count\":1},\"test_channel\":{\"subscription_count\":3}}}"));

    assertThat(result.channel("presence-test_channel")).contains(counts(1, 2));
    assertThat(result.channel("test_channel")).contains(counts(null, 3));
    assertThat(result.channel("other")).isEmpty();
  }

  @Test
  void emptyTriggerAnswerIsASuccessWithoutChannels() {
    assertThat(Responses.trigger(EVENTS, ok("{}")).channels()).isEmpty();
  }

  @Test
  void soketiTriggerAnswerIsASuccessWithoutChannels() {
    assertThat(Responses.trigger(EVENTS, ok("{\"ok\":true}")).channels()).isEmpty();
  }

  @Test
  void nonJsonTriggerAnswerIsStillASuccess() {
    assertThat(Responses.trigger(EVENTS, new ApiResponse(200, "OK", null)).channels()).isEmpty();
  }

  @Test
  void nonJsonAnswerToATriggerWithInfoIsAnApiErrorSayingSo() {
    assertThatThrownBy(() -> Responses.trigger(EVENTS.requiringAnswer(), new ApiResponse(200, "<html>", null)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void nonJsonAnswerToABatchWithInfoIsAnApiErrorSayingSo() {
    assertThatThrownBy(() -> Responses.batch(BATCH.requiringAnswer(), new ApiResponse(200, "<html>", null)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void emptyAnswerToAQueryIsAnApiErrorSayingSo() {
    assertThatThrownBy(() -> Responses.channels(CHANNELS, new ApiResponse(200, "", null)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("empty, not JSON");
  }

  @Test
  void batchResultOfTheGoVector() {
    BatchResult result = Responses.batch(BATCH, ok("{\"batch\":[{\"subscription_count\":2,\"user_count\":1},{\"subscription_count\":3}]}"));

    assertThat(result.events()).containsExactly(counts(1, 2), counts(null, 3));
  }

  @Test
  void emptyBatchAnswerHasNoEvents() {
    assertThat(Responses.batch(BATCH, ok("{}")).events()).isEmpty();
  }

  @Test
  void channelListOfTheGoVector() {
    ChannelList list = Responses.channels(CHANNELS, ok("{\"channels\":{\"" + SESSION + "5cbTiUiPNGI\":{\"user_count\":1},\""
        + SESSION + "PbZ5E1pP8uF\":{\"user_count\":1},\"" + SESSION + "oz6iqpSxMwG\":{\"user_count\":1}}}"));

    assertThat(list.names()).containsExactly(SESSION + "5cbTiUiPNGI", SESSION + "PbZ5E1pP8uF", SESSION + "oz6iqpSxMwG");
    assertThat(list.channels().values()).allSatisfy(counts -> assertThat(counts.userCount()).hasValue(1));
  }

  @Test
  void garbageChannelListIsAnApiExceptionNamingTheRequest() {
    assertThatThrownBy(() -> Responses.channels(CHANNELS, new ApiResponse(200, "[];;[[p{{}}{{{}[][][]@£$@", null)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("/apps/1/channels")
        .hasMessageContaining("cannot be read");
  }

  @Test
  void channelListWithoutChannelsIsAnApiException() {
    assertThatThrownBy(() -> Responses.channels(CHANNELS, ok("{\"something\":1}")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("\"channels\"");
  }

  @Test
  void channelInfoOfTheGoVector() {
    ChannelInfo info = Responses.channel(CHANNELS, ok("{\"user_count\":1,\"occupied\":true,\"subscription_count\":1}"), "test_channel");

    assertThat(info).isEqualTo(new ChannelInfo("test_channel", true, OptionalInt.of(1), OptionalInt.of(1), Optional.empty()));
  }

  @Test
  void channelInfoCarriesTheCachedEvent() {
    ChannelInfo info = Responses.channel(
        CHANNELS, ok("{\"occupied\":true,\"cache\":{\"data\":\"{\\\"x\\\":1}\",\"ttl\":30}}"), "cache-a");

    assertThat(info.cache()).contains(new ChannelInfo.CachedEvent("{\"x\":1}", 30));
  }

  @Test
  void unoccupiedChannelHasNoCounts() {
    ChannelInfo info = Responses.channel(CHANNELS, ok("{\"occupied\":false}"), "a");

    assertThat(info.occupied()).isFalse();
    assertThat(info.userCount()).isEmpty();
    assertThat(info.subscriptionCount()).isEmpty();
  }

  @Test
  void usersOfTheGoVector() {
    assertThat(Responses.users(CHANNELS, ok("{\"users\":[{\"id\":\"red\"},{\"id\":\"blue\"}]}")))
        .containsExactly("red", "blue");
  }

  @Test
  void usersWithoutTheArrayIsAnApiException() {
    assertThatThrownBy(() -> Responses.users(CHANNELS, ok("{}")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("\"users\"");
  }

  private static ApiResponse ok(String body) {
    return new ApiResponse(200, body, JacksonJsonCodecs.defaults().parse(body));
  }

  private static ChannelCounts counts(Integer users, Integer subscriptions) {
    return new ChannelCounts(
        users == null ? OptionalInt.empty() : OptionalInt.of(users),
        subscriptions == null ? OptionalInt.empty() : OptionalInt.of(subscriptions));
  }
}
