package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InfoTest {

  @Test
  void attributeNamesAreTheApis() {
    assertThat(Info.USER_COUNT.attributeName()).isEqualTo("user_count");
    assertThat(Info.SUBSCRIPTION_COUNT.attributeName()).isEqualTo("subscription_count");
    assertThat(Info.CACHE.attributeName()).isEqualTo("cache");
  }

  @Test
  void setKeepsDeclarationOrderAndDropsRepeats() {
    assertThat(Info.setOf(Info.SUBSCRIPTION_COUNT, Info.USER_COUNT, Info.SUBSCRIPTION_COUNT))
        .containsExactly(Info.USER_COUNT, Info.SUBSCRIPTION_COUNT);
  }

  @Test
  void setOfNothingIsRefusedNamingTheFix() {
    assertThatThrownBy(Info::setOf)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one attribute");
  }

  @Test
  void setWithANullAttributeIsRefused() {
    assertThatThrownBy(() -> Info.setOf(Info.USER_COUNT, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("info attribute must not be null");
  }

  @Test
  void nullArrayIsRefused() {
    assertThatThrownBy(() -> Info.setOf((Info[]) null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not be null");
  }
}
