package dev.channels4j.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ValidationException;
import org.junit.jupiter.api.Test;

/** {@link AuthRequest#fromForm(String)}: the one way to read what the browser posted. */
class AuthRequestTest {

  @Test
  void readsSocketIdAndChannelName() {
    AuthRequest request = AuthRequest.fromForm("socket_id=1234.1234&channel_name=private-foobar");

    assertThat(request.socketId()).isEqualTo("1234.1234");
    assertThat(request.channelName()).isEqualTo("private-foobar");
  }

  @Test
  void valuesArePercentDecoded() {
    AuthRequest request = AuthRequest.fromForm("channel_name=private%2Dfoobar&socket_id=1234%2E1234");

    assertThat(request.socketId()).isEqualTo("1234.1234");
    assertThat(request.channelName()).isEqualTo("private-foobar");
  }

  @Test
  void plusDecodesToASpace() {
    assertThat(AuthRequest.fromForm("socket_id=1.1&channel_name=private-a+b").channelName()).isEqualTo("private-a b");
  }

  @Test
  void firstValueOfARepeatedFieldWins() {
    AuthRequest request =
        AuthRequest.fromForm("socket_id=1234.1234&channel_name=private-foobar&channel_name=private-other");

    assertThat(request.channelName()).isEqualTo("private-foobar");
  }

  @Test
  void unknownFieldsAndEmptyPairsAreIgnored() {
    AuthRequest request = AuthRequest.fromForm("&x=1&socket_id=1.1&&flag&channel_name=private-a");

    assertThat(request.socketId()).isEqualTo("1.1");
    assertThat(request.channelName()).isEqualTo("private-a");
  }

  @Test
  void signInBodyWithOnlyASocketIdIsRead() {
    assertThat(AuthRequest.fromForm("socket_id=12345.12345").socketId()).isEqualTo("12345.12345");
  }

  @Test
  void channelNameOfABodyWithoutOneIsRefusedNamingTheField() {
    AuthRequest request = AuthRequest.fromForm("socket_id=45.3");

    assertThatThrownBy(request::channelName)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("channel_name is missing");
  }

  @Test
  void emptyChannelNameCountsAsMissing() {
    AuthRequest request = AuthRequest.fromForm("socket_id=45.3&channel_name=");

    assertThatThrownBy(request::channelName).isInstanceOf(ValidationException.class).hasMessageContaining("channel_name");
  }

  @Test
  void bodyWithoutSocketIdIsRefused() {
    assertThatThrownBy(() -> AuthRequest.fromForm("channel_name=hello"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("socket_id is missing");
  }

  @Test
  void emptySocketIdIsRefused() {
    assertThatThrownBy(() -> AuthRequest.fromForm("socket_id=&channel_name=private-a"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("socket_id");
  }

  @Test
  void bodyThatIsNotFormEncodedIsRefused() {
    assertThatThrownBy(() -> AuthRequest.fromForm("socket_id=%ZZ&channel_name=private-a"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("form-encoded");
  }

  @Test
  void nullBodyIsRefusedNamingTheArgument() {
    assertThatThrownBy(() -> AuthRequest.fromForm(null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("formBody");
  }
}
