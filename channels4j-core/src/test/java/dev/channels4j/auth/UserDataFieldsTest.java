package dev.channels4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import dev.channels4j.internal.signing.Hashing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** authenticateUser carries fields of the application's own in user_data, signed like the rest. */
class UserDataFieldsTest {
  private static final String SOCKET_ID = "1234.1234";

  private final ChannelsClient client = ChannelsClient.builder()
      .appId("1").key("key").secret("secret").cluster("eu").build();

  @AfterEach
  void close() {
    client.close();
  }

  private String userDataJson(UserData user) {
    return client.authenticateUser(SOCKET_ID, user).userData();
  }

  @Test
  void extraFieldsFollowIdInTheOrderAdded() {
    String json = userDataJson(UserData.of("auth0|123").with("email", "ada@example.com").with("plan", "pro"));

    assertThat(json).isEqualTo("{\"id\":\"auth0|123\",\"email\":\"ada@example.com\",\"plan\":\"pro\"}");
  }

  @Test
  void extraFieldsComeAfterInfoAndWatchlist() {
    String json = userDataJson(UserData.of("7").with("email", "a@b").info(Map.of("name", "Ada")).watchlist(List.of("8")));

    assertThat(json).isEqualTo("{\"id\":\"7\",\"user_info\":{\"name\":\"Ada\"},\"watchlist\":[\"8\"],\"email\":\"a@b\"}");
  }

  @Test
  void extraFieldsAreCoveredByTheSignature() {
    UserAuthResponse answer = client.authenticateUser(SOCKET_ID, UserData.of("7").with("email", "a@b"));

    String expected = Hashing.hmacSha256Hex("secret", SOCKET_ID + "::user::" + answer.userData());
    assertThat(answer.auth()).isEqualTo("key:" + expected);
    assertThat(answer.userData()).contains("\"email\":\"a@b\"");
  }

  @Test
  void anyJsonValueMayBeAField() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("age", 36);
    fields.put("roles", List.of("admin"));
    fields.put("verified", true);

    assertThat(userDataJson(UserData.of("7").with(fields)))
        .isEqualTo("{\"id\":\"7\",\"age\":36,\"roles\":[\"admin\"],\"verified\":true}");
  }

  @Test
  void addingAFieldAgainReplacesItsValue() {
    UserData user = UserData.of("7").with("plan", "free").with("plan", "pro");

    assertThat(user.extraFields()).containsExactly(Map.entry("plan", "pro"));
  }

  @Test
  void withReturnsANewValueAndLeavesTheOriginalAlone() {
    UserData plain = UserData.of("7");
    UserData withEmail = plain.with("email", "a@b");

    assertThat(plain.extraFields()).isEmpty();
    assertThat(withEmail.extraFields()).containsEntry("email", "a@b");
    assertThatThrownBy(() -> withEmail.extraFields().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void idCannotBeOverridden() {
    assertThatThrownBy(() -> UserData.of("7").with("id", "8"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("\"id\" cannot be overridden");
    assertThatThrownBy(() -> UserData.of("7").with(Map.of("id", "8")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("\"id\" cannot be overridden");
  }

  @ParameterizedTest
  @ValueSource(strings = {"user_info", "watchlist"})
  void fieldsWithTheirOwnSetterAreRefusedNamingIt(String field) {
    assertThatThrownBy(() -> UserData.of("7").with(field, Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(field.equals("user_info") ? "info(Map)" : "watchlist(List)");
  }

  @Test
  void nullOrEmptyNamesAndNullValuesAreRefused() {
    assertThatThrownBy(() -> UserData.of("7").with(null, "x")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> UserData.of("7").with("", "x")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> UserData.of("7").with("email", null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("email");
    assertThatThrownBy(() -> UserData.of("7").with((Map<String, ?>) null)).isInstanceOf(ValidationException.class);
  }

  @Test
  void anUnserializableFieldIsAValidationError() {
    assertThatThrownBy(() -> client.authenticateUser(SOCKET_ID, UserData.of("7").with("x", new Object())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("JSON");
  }

  @Test
  void toStringShowsOnlyTheId() {
    assertThat(UserData.of("7").with("email", "ada@example.com").toString()).doesNotContain("ada@example.com");
  }
}
