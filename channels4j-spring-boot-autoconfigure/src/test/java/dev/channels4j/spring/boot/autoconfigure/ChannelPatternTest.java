package dev.channels4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelType;
import org.junit.jupiter.api.Test;

class ChannelPatternTest {

  @Test
  void theTypeIsCoresChannelTypeOfThePrefix() {
    assertThat(ChannelPattern.compile("private-encrypted-vault.{id}").type()).isEqualTo(ChannelType.PRIVATE_ENCRYPTED);
    assertThat(ChannelPattern.compile("presence-room").type()).isEqualTo(ChannelType.PRESENCE);
  }

  @Test
  void literalTextOutsideTheChannelAlphabetIsRefused() {
    assertThatThrownBy(() -> ChannelPattern.compile("private-orders/{id}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("can match no valid channel name");
  }

  @Test
  void aRepeatedPlaceholderIsRefused() {
    assertThatThrownBy(() -> ChannelPattern.compile("private-{a}.{a}")).hasMessageContaining("uses {a} twice");
  }

  @Test
  void aStrayBraceIsRefused() {
    assertThatThrownBy(() -> ChannelPattern.compile("private-{a")).hasMessageContaining("brace");
  }

  @Test
  void aPlaceholderNeverMatchesOutsideTheChannelAlphabet() {
    assertThat(ChannelPattern.compile("private-orders.{id}").match("private-orders.a b")).isNull();
  }
}
