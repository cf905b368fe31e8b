package dev.channels4j;

import static dev.channels4j.TestClients.SECRET;
import static dev.channels4j.TestClients.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.testing.RecordingHttpServer;
import dev.channels4j.testing.RecordingHttpServer.Recorded;
import dev.channels4j.testing.RecordingHttpServer.Reply;
import dev.channels4j.testing.SignatureCheck;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ChannelsQuery.with(name, value): free-form parameters of the channels query, signed and read back. */
class ChannelsQueryParametersTest {
  @AutoClose
  private final RecordingHttpServer server = RecordingHttpServer.start();
  @AutoClose
  private final ChannelsClient client = clientFor(server);

  @Test
  void addedParametersAreSentAndSigned() {
    server.enqueue(Reply.json("{\"channels\":{}}"));
    client.channels(ChannelsQuery.prefix("private-").with("info", "subscription_count").with("x_custom", "a b"));

    Recorded request = server.onlyRequest();
    assertThat(request.query())
        .containsEntry("filter_by_prefix", "private-")
        .containsEntry("info", "subscription_count")
        .containsEntry("x_custom", "a b");
    assertThat(request.query().get("auth_signature")).isEqualTo(SignatureCheck.expectedSignature(request, SECRET));
  }

  @Test
  void theAnswerIsReadWithTheAttributesAskedFor() {
    server.enqueue(Reply.json("{\"channels\":{\"private-a\":{\"subscription_count\":3}}}"));

    ChannelList list = client.channels(ChannelsQuery.all().with("info", "subscription_count"));

    assertThat(list.channels().get("private-a").subscriptionCount()).hasValue(3);
  }

  @Test
  void aQueryWithoutAddedParametersHasNone() {
    assertThat(ChannelsQuery.all().parameters()).isEmpty();
    assertThat(ChannelsQuery.prefix("presence-").withUserCount().parameters()).isEmpty();
  }

  @Test
  void withLeavesTheOriginalQueryAlone() {
    ChannelsQuery plain = ChannelsQuery.prefix("a");
    ChannelsQuery added = plain.with("info", "subscription_count");

    assertThat(plain.parameters()).isEmpty();
    assertThat(added.parameters()).containsExactly(java.util.Map.entry("info", "subscription_count"));
    assertThat(added.prefix()).hasValue("a");
  }

  @Test
  void prefixIsGivenByItsOwnFactory() {
    assertThatThrownBy(() -> ChannelsQuery.all().with("filter_by_prefix", "a"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ChannelsQuery.prefix");
  }

  @Test
  void infoIsGivenOnceWhicheverWay() {
    assertThatThrownBy(() -> ChannelsQuery.prefix("presence-").withUserCount().with("info", "subscription_count"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("withUserCount");
    assertThatThrownBy(() -> ChannelsQuery.prefix("presence-").with("info", "subscription_count").withUserCount())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("user_count,subscription_count");
  }

  @ParameterizedTest
  @ValueSource(strings = {"auth_key", "auth_signature", "body_md5", "Info", "a b"})
  void namesTheSignatureUsesOrOutsideLowerCaseAreRefused(String name) {
    assertThatThrownBy(() -> ChannelsQuery.all().with(name, "x")).isInstanceOf(ValidationException.class);
  }

  @Test
  void nullValueIsRefused() {
    assertThatThrownBy(() -> ChannelsQuery.all().with("info", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("info");
  }
}
