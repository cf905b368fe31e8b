package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfoTest {

  @Test
  void joinsSeparateAttributesWithCommas() {
    assertThat(Info.join(List.of("user_count", "subscription_count"))).isEqualTo("user_count,subscription_count");
  }

  @Test
  void acceptsTheCommaSeparatedFormTheApiUses() {
    assertThat(Info.join(List.of("user_count,subscription_count"))).isEqualTo("user_count,subscription_count");
  }

  @Test
  void refusesAnEmptyListNamingTheFix() {
    assertThatThrownBy(() -> Info.join(List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one attribute");
  }

  @Test
  void refusesAnEmptyNameBetweenCommas() {
    assertThatThrownBy(() -> Info.join(List.of("user_count,,cache")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("\"\" is not an attribute name");
  }

  @Test
  void refusesANameWithCharactersThatAreNotAttributeNames() {
    assertThatThrownBy(() -> Info.join(List.of("user count")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("\"user count\"");
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> Info.join(Arrays.asList((String) null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not be null");
  }
}
