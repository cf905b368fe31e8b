package dev.channels4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ValidationException;
import org.junit.jupiter.api.Test;

/** {@link ChannelAuthResponse} and {@link UserAuthResponse} as values: JSON, equality, redaction. */
class AuthResponsesTest {

  @Test
  void privateAnswerJsonHasOnlyAuth() {
    assertThat(ChannelAuthResponse.of("k:sig", null, null).toJson()).isEqualTo("{\"auth\":\"k:sig\"}");
  }

  @Test
  void presenceAnswerJsonEscapesTheChannelDataString() {
    String json = ChannelAuthResponse.of("k:sig", "{\"user_id\":\"7\"}", null).toJson();

    assertThat(json).isEqualTo("{\"auth\":\"k:sig\",\"channel_data\":\"{\\\"user_id\\\":\\\"7\\\"}\"}");
  }

  @Test
  void encryptedAnswerJsonCarriesTheSharedSecret() {
    assertThat(ChannelAuthResponse.of("k:sig", null, "c2VjcmV0").toJson())
        .isEqualTo("{\"auth\":\"k:sig\",\"shared_secret\":\"c2VjcmV0\"}");
  }

  @Test
  void userAnswerJsonCarriesUserData() {
    assertThat(UserAuthResponse.of("k:sig", "{\"id\":\"1\"}").toJson())
        .isEqualTo("{\"auth\":\"k:sig\",\"user_data\":\"{\\\"id\\\":\\\"1\\\"}\"}");
  }

  @Test
  void channelAnswersWithTheSameFieldsAreEqual() {
    assertThat(ChannelAuthResponse.of("k:sig", "d", null))
        .isEqualTo(ChannelAuthResponse.of("k:sig", "d", null))
        .hasSameHashCodeAs(ChannelAuthResponse.of("k:sig", "d", null))
        .isNotEqualTo(ChannelAuthResponse.of("k:sig", null, null));
  }

  @Test
  void toStringHidesTheSignatureAndTheSharedSecret() {
    String text = ChannelAuthResponse.of("k:signature123", null, "c2VjcmV0") + " " + UserAuthResponse.of("k:signature456", "{}");

    assertThat(text).doesNotContain("signature123", "signature456", "c2VjcmV0").contains("<hidden>");
  }

  @Test
  void channelAnswerWithoutAuthIsRefused() {
    assertThatThrownBy(() -> ChannelAuthResponse.of(null, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("auth");
  }

  @Test
  void userAnswerWithoutUserDataIsRefused() {
    assertThatThrownBy(() -> UserAuthResponse.of("k:sig", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("userData");
  }
}
