package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocketIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"1.1", "1234.5678", "01.00", "44610.7511910"})
  void digitsADotAndDigitsAreValid(String socketId) {
    assertThat(SocketId.isValid(socketId)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.", ".1", "1..1", "1.2.3", "-1.1", " 1.1", "1.1\n", "\u0661.\u0661", "abc"})
  void anythingElseIsNotValid(String socketId) {
    assertThat(SocketId.isValid(socketId)).isFalse();
  }

  @Test
  void eachSideHasAtMostTwentyDigits() {
    assertThat(SocketId.isValid("1".repeat(20) + "." + "2".repeat(20))).isTrue();
    assertThat(SocketId.isValid("1".repeat(21) + ".2")).isFalse();
    assertThat(SocketId.isValid("1." + "2".repeat(21))).isFalse();
    assertThat(SocketId.isValid(null)).isFalse();
  }
}
