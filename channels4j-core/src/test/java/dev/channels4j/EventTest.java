package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Event} as a value: what the factories and copies hold, and the nulls they refuse. */
class EventTest {

  @Test
  void singleChannelEventHoldsWhatItWasGiven() {
    Event event = Event.of("orders", "created", "{}");

    assertThat(event.channels()).containsExactly("orders");
    assertThat(event.name()).isEqualTo("created");
    assertThat(event.data()).isEqualTo("{}");
    assertThat(event.socketId()).isEmpty();
    assertThat(event.info()).isEmpty();
  }

  @Test
  void channelListIsCopiedAndUnmodifiable() {
    List<String> channels = new ArrayList<>(List.of("a", "b"));
    Event event = Event.of(channels, "e", "d");
    channels.add("c");

    assertThat(event.channels()).containsExactly("a", "b");
    assertThatThrownBy(() -> event.channels().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void excludingAndWithInfoReturnCopies() {
    Event plain = Event.of("presence-room", "e", "d");
    Event options = plain.excluding("1.2").withInfo(Info.USER_COUNT);

    assertThat(plain.socketId()).isEmpty();
    assertThat(plain.info()).isEmpty();
    assertThat(options.socketId()).contains("1.2");
    assertThat(options.info()).containsExactly(Info.USER_COUNT);
  }

  @Test
  void withInfoReplacesEarlierAttributes() {
    Event event = Event.of("c", "e", "d").withInfo(Info.USER_COUNT).withInfo(Info.SUBSCRIPTION_COUNT);

    assertThat(event.info()).containsExactly(Info.SUBSCRIPTION_COUNT);
  }

  @Test
  void eventsWithTheSameContentAreEqual() {
    assertThat(Event.of("c", "e", "d").withInfo(Info.USER_COUNT))
        .isEqualTo(Event.of(List.of("c"), "e", "d").withInfo(Info.USER_COUNT))
        .hasSameHashCodeAs(Event.of(List.of("c"), "e", "d").withInfo(Info.USER_COUNT))
        .isNotEqualTo(Event.of("c", "e", "d"));
  }

  @Test
  void toStringLeavesTheDataOut() {
    assertThat(Event.of("c", "e", "personal-data").toString()).doesNotContain("personal-data").contains("c", "e");
  }

  @Test
  void nullChannelIsRefusedNamingIt() {
    assertThatThrownBy(() -> Event.of((String) null, "e", "d"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("channel must not be null");
  }

  @Test
  void nullChannelListIsRefusedNamingIt() {
    assertThatThrownBy(() -> Event.of((List<String>) null, "e", "d"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("channels must not be null");
  }

  @Test
  void nullEntryInTheChannelListIsRefusedWithItsIndex() {
    assertThatThrownBy(() -> Event.of(Arrays.asList("a", null), "e", "d"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("channels[1] must not be null");
  }

  @Test
  void nullNameIsRefusedNamingIt() {
    assertThatThrownBy(() -> Event.of("c", null, "d"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("event name must not be null");
  }

  @Test
  void nullSocketIdIsRefusedNamingIt() {
    assertThatThrownBy(() -> Event.of("c", "e", "d").excluding(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("socketId must not be null");
  }

  @Test
  void nullDataIsAllowedAndSentAsJsonNull() {
    assertThat(Event.of("c", "e", null).data()).isNull();
  }
}
