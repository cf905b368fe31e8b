package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelTypeTest {

  @ParameterizedTest
  @CsvSource({
      "orders, PUBLIC",
      "private-orders, PRIVATE",
      "private-encrypted-payments, PRIVATE_ENCRYPTED",
      "presence-room, PRESENCE",
      "#server-to-user-auth0|123, SERVER_TO_USER",
      "cache-prices, PUBLIC",
      "private-cache-x, PRIVATE",
      "private-encrypted-cache-x, PRIVATE_ENCRYPTED",
      "presence-cache-x, PRESENCE",
      "privatex, PUBLIC",
      "presence, PUBLIC",
      "private-encrypted, PRIVATE",
      "Private-orders, PUBLIC"})
  void classifiesByTheLongestMatchingPrefix(String channel, ChannelType expected) {
    assertThat(ChannelType.of(channel)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cache-a", "private-cache-a", "private-encrypted-cache-a", "presence-cache-a"})
  void cacheChannelsOfEveryTypeAreCache(String channel) {
    assertThat(ChannelType.isCache(channel)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "cache", "private-a", "presence-a-cache-b", "x-cache-a", "#server-to-user-cache-a"})
  void otherChannelsAreNotCache(String channel) {
    assertThat(ChannelType.isCache(channel)).isFalse();
  }

  @Test
  void onlyPrivateEncryptedAndPresenceRequireAuthorization() {
    assertThat(ChannelType.values()).filteredOn(ChannelType::requiresAuthorization)
        .containsExactlyInAnyOrder(ChannelType.PRIVATE, ChannelType.PRIVATE_ENCRYPTED, ChannelType.PRESENCE);
  }

  @Test
  void eachTypeClassifiesItsOwnPrefix() {
    for (ChannelType type : ChannelType.values()) {
      assertThat(ChannelType.of(type.prefix() + "x")).isEqualTo(type);
    }
  }

  @Test
  void nullNameIsAValidationError() {
    assertThatThrownBy(() -> ChannelType.of(null)).isInstanceOf(ValidationException.class).hasMessageContaining("null");
    assertThatThrownBy(() -> ChannelType.isCache(null)).isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "private-orders.42", "presence-room_1", "x-=@,.;", "A"})
  void namesOfTheChannelAlphabetAreValid(String channel) {
    assertThat(ChannelType.isValidName(channel)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "private-\u2713", "a b", "#server-to-user-1", "a/b", "a\n"})
  void namesOutsideTheAlphabetAreNotValid(String channel) {
    assertThat(ChannelType.isValidName(channel)).isFalse();
  }

  @Test
  void aNameOverTwoHundredCharactersIsNotValid() {
    assertThat(ChannelType.isValidName("a".repeat(200))).isTrue();
    assertThat(ChannelType.isValidName("a".repeat(201))).isFalse();
    assertThat(ChannelType.isValidName(null)).isFalse();
  }
}
