package dev.channels4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link UserData} and {@link PresenceMember} agree: absent information is empty, never null. */
class AuthValuesTest {

  @Test
  void userWithoutInfoHasAnEmptyMapAndAnEmptyWatchlist() {
    UserData user = UserData.of("7");

    assertThat(user.info()).isEmpty();
    assertThat(user.watchlist()).isEmpty();
  }

  @Test
  void memberWithoutInfoHasAnEmptyMap() {
    assertThat(PresenceMember.of("7").userInfo()).isEmpty();
  }

  @Test
  void userInfoAndWatchlistAreCopies() {
    java.util.List<String> watchlist = new java.util.ArrayList<>(List.of("8"));
    UserData user = UserData.of("7").watchlist(watchlist);
    watchlist.add("9");

    assertThat(user.watchlist()).containsExactly("8");
    assertThatThrownBy(() -> user.watchlist().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void valuesWithTheSameContentAreEqual() {
    assertThat(UserData.of("7").info(Map.of("a", 1))).isEqualTo(UserData.of("7").info(Map.of("a", 1)));
    assertThat(PresenceMember.of("7", Map.of())).isEqualTo(PresenceMember.of("7"));
  }

  @Test
  void toStringLeavesPersonalInfoOut() {
    assertThat(UserData.of("7").info(Map.of("email", "ada@example.com")).toString()).doesNotContain("ada@");
    assertThat(PresenceMember.of("7", Map.of("email", "ada@example.com")).toString()).doesNotContain("ada@");
  }

  @Test
  void nullUserInfoIsRefusedNamingIt() {
    assertThatThrownBy(() -> UserData.of("7").info(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("userInfo must not be null");
  }

  @Test
  void nullWatchlistIsRefusedNamingIt() {
    assertThatThrownBy(() -> UserData.of("7").watchlist(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("watchlist must not be null");
  }

  @Test
  void nullMemberInfoIsRefusedNamingIt() {
    assertThatThrownBy(() -> PresenceMember.of("7", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("userInfo must not be null");
  }
}
