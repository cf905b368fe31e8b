package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each factory of {@link ChannelsQuery} has the accessor of the same name. */
class ChannelsQueryTest {

  @Test
  void allHasNoPrefixAndNoUserCount() {
    assertThat(ChannelsQuery.all().prefix()).isEmpty();
    assertThat(ChannelsQuery.all().userCount()).isFalse();
  }

  @Test
  void prefixIsReadBackByPrefix() {
    assertThat(ChannelsQuery.prefix("presence-").prefix()).contains("presence-");
  }

  @Test
  void withUserCountIsReadBackByUserCount() {
    assertThat(ChannelsQuery.prefix("presence-").withUserCount().userCount()).isTrue();
  }

  @Test
  void nullPrefixIsRefusedNamingIt() {
    assertThatThrownBy(() -> ChannelsQuery.prefix(null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("prefix must not be null");
  }

  @Test
  void userCountWithoutAPresencePrefixIsRefused() {
    assertThatThrownBy(() -> ChannelsQuery.prefix("private-").withUserCount())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("presence");
  }
}
