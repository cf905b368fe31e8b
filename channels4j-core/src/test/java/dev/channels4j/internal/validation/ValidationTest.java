package dev.channels4j.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of go-library.md §2.1 and protocol.md §1.5, each at its boundary. */
class ValidationTest {

  // ---- channel names ----------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"a-b_c=d@e,f.g;h", "test_channel", "private-encrypted-x", "presence-room", "1"})
  void validChannelNamesPass(String name) {
    assertThatCode(() -> Validation.channelName(name)).doesNotThrowAnyException();
  }

  @Test
  void channelNameOf200CharactersPasses() {
    assertThatCode(() -> Validation.channelName("a".repeat(200))).doesNotThrowAnyException();
  }

  @Test
  void channelNameOf201CharactersIsRefusedWithItsLength() {
    assertThatThrownBy(() -> Validation.channelName("a".repeat(201)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("201 characters")
        .hasMessageContaining("200");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a:b", "a*b", "é", "w000^$$£@@@", "a/b", "a#b", "tab\tx", "line\n"})
  void channelNamesOutsideTheAlphabetAreRefused(String name) {
    assertThatThrownBy(() -> Validation.channelName(name))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("may only contain");
  }

  @Test
  void emptyChannelNameIsRefused() {
    assertThatThrownBy(() -> Validation.channelName(""))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void nullChannelNameIsRefused() {
    assertThatThrownBy(() -> Validation.channelName(null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("null");
  }

  @Test
  void serverToUserChannelIsReservedForSendToUser() {
    assertThatThrownBy(() -> Validation.channelName("#server-to-user-1"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("sendToUser");
  }

  @Test
  void longNamesAreShortenedInMessages() {
    String name = "a".repeat(5000) + " ";

    assertThatThrownBy(() -> Validation.channelName(name))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).hasSizeLessThan(200));
  }

  // ---- channel lists ----------------------------------------------------------------------

  @Test
  void hundredChannelsPass() {
    assertThatCode(() -> Validation.channels(numbered(100))).doesNotThrowAnyException();
  }

  @Test
  void hundredAndOneChannelsAreRefused() {
    assertThatThrownBy(() -> Validation.channels(numbered(101)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most 100")
        .hasMessageContaining("101");
  }

  @Test
  void channelCountIsCheckedBeforeNames() {
    List<String> channels = new ArrayList<>(Collections.nCopies(101, "bad name"));

    assertThatThrownBy(() -> Validation.channels(channels)).hasMessageContaining("at most 100");
  }

  @Test
  void emptyChannelListIsRefused() {
    assertThatThrownBy(() -> Validation.channels(List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one channel");
  }

  @Test
  void nullChannelListIsRefused() {
    assertThatThrownBy(() -> Validation.channels(null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one channel");
  }

  @Test
  void everyNameInTheListIsChecked() {
    assertThatThrownBy(() -> Validation.channels(List.of("ok", "also-ok", "not ok")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not ok");
  }

  @Test
  void encryptedChannelAloneIsAllowed() {
    assertThatCode(() -> Validation.channels(List.of("private-encrypted-a"))).doesNotThrowAnyException();
  }

  @Test
  void encryptedChannelWithOthersIsRefused() {
    assertThatThrownBy(() -> Validation.channels(List.of("plain", "private-encrypted-a")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("private-encrypted-a")
        .hasMessageContaining("on its own");
  }

  @Test
  void twoEncryptedChannelsAreRefused() {
    assertThatThrownBy(() -> Validation.channels(List.of("private-encrypted-a", "private-encrypted-b")))
        .isInstanceOf(ValidationException.class);
  }

  // ---- event names ------------------------------------------------------------------------

  @Test
  void eventNameOf200CharactersPasses() {
    assertThatCode(() -> Validation.eventName("e".repeat(200))).doesNotThrowAnyException();
  }

  @Test
  void eventNameOf201CharactersIsRefused() {
    assertThatThrownBy(() -> Validation.eventName("e".repeat(201)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("201 characters");
  }

  @Test
  void emptyEventNameIsRefused() {
    assertThatThrownBy(() -> Validation.eventName("")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("event name");
  }

  @Test
  void nullEventNameIsRefused() {
    assertThatThrownBy(() -> Validation.eventName(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("event name");
  }

  // ---- socket ids -------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"1.1", "1234.12", "01.00", "12345.12345", "44610.7511910"})
  void validSocketIdsPass(String socketId) {
    assertThatCode(() -> Validation.socketId(socketId)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"12341234", "1234.12:lalala", " 1.1", "1.1\n", "1.", ".1", "-1.1", "", "١.١", "1.1 ", "1..1", "1.2.3"})
  void invalidSocketIdsAreRefused(String socketId) {
    assertThatThrownBy(() -> Validation.socketId(socketId))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("socket id");
  }

  @Test
  void nullSocketIdIsRefused() {
    assertThatThrownBy(() -> Validation.socketId(null)).isInstanceOf(ValidationException.class);
  }

  // ---- user ids ---------------------------------------------------------------------------

  @Test
  void userIdWithAnUnpairedSurrogateIsRefused() {
    // What sign-in and presence authorization check too: the signed user data would carry "?".
    assertThatThrownBy(() -> Validation.userId("x\uDC00"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user id is not valid Unicode: unpaired surrogate U+DC00 at index 1");
  }

  @Test
  void userIdOf200CharactersPasses() {
    assertThatCode(() -> Validation.userId("u".repeat(200))).doesNotThrowAnyException();
  }

  @Test
  void userIdOf201CharactersIsRefused() {
    assertThatThrownBy(() -> Validation.userId("u".repeat(201)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("201 characters");
  }

  @Test
  void emptyUserIdIsRefused() {
    assertThatThrownBy(() -> Validation.userId("")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("user id");
  }

  @Test
  void nullUserIdIsRefused() {
    assertThatThrownBy(() -> Validation.userId(null)).isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "auth0|123", "../x", "a/b", "a?b", "a%2F", "#", "ü"})
  void anyUserIdForSignInIsAlsoAddressable(String userId) {
    assertThatCode(() -> Validation.userId(userId)).doesNotThrowAnyException();
    assertThatCode(() -> Validation.addressableUserId(userId)).doesNotThrowAnyException();
  }

  @Test
  void emptyAddressableUserIdIsRefused() {
    assertThatThrownBy(() -> Validation.addressableUserId("")).isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "a/b", "a?b", "a%2F", "a b", "a#b", "a\\b"})
  void aPathSegmentNeverHoldsASeparatorOrAnEscapeOfItsOwn(String userId) {
    String segment = Validation.pathSegment(userId);

    assertThat(segment).doesNotContain("/", "?", "#", " ", "\\").matches("[A-Za-z0-9._~%-]+");
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void dotSegmentsAreNotAddressable(String userId) {
    assertThatThrownBy(() -> Validation.addressableUserId(userId))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("relative path segment");
  }

  @Test
  void pathSegmentLeavesUnreservedCharactersAlone() {
    String unreserved = "AZaz09-._~";
    assertThat(Validation.pathSegment(unreserved)).isSameAs(unreserved);
  }

  @Test
  void addressableUserIdOf201CharactersIsRefused() {
    assertThatThrownBy(() -> Validation.addressableUserId("u".repeat(201))).isInstanceOf(ValidationException.class);
  }


  // ---- data size --------------------------------------------------------------------------

  @Test
  void dataAtTheLimitPasses() {
    assertThatCode(() -> Validation.dataSize(10240, 10240, "event")).doesNotThrowAnyException();
  }

  @Test
  void dataOneByteOverTheLimitIsRefusedWithBothSizes() {
    assertThatThrownBy(() -> Validation.dataSize(10241, 10240, "event"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("10241 bytes")
        .hasMessageContaining("10240");
  }

  private static List<String> numbered(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(Integer::toString).toList();
  }
}
