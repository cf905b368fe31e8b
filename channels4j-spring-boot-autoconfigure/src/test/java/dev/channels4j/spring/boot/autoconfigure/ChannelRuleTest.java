package dev.channels4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.spring.boot.ChannelAuthorization;
import dev.channels4j.spring.boot.ChannelVariable;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;

class ChannelRuleTest {

  static class Rules {
    @ChannelAuthorization("private-orders.{orderId}")
    boolean order(Principal user, @ChannelVariable String orderId) {
      return true;
    }

    @ChannelAuthorization("private-shop.{shop}.orders.{order}")
    boolean two(@ChannelVariable String shop, @ChannelVariable String order) {
      return true;
    }

    @ChannelAuthorization("orders.{id}")
    boolean publicPattern(@ChannelVariable String id) {
      return true;
    }

    @ChannelAuthorization("private-a.{id}")
    boolean unknownVariable(@ChannelVariable String other) {
      return true;
    }

    @ChannelAuthorization("presence-room")
    String wrongPresenceReturn(Principal user) {
      return "x";
    }

    @ChannelAuthorization("private-a")
    boolean unsupportedParameter(Integer count) {
      return true;
    }

    @ChannelAuthorization("private-{room}")
    boolean anyPrivateRoom(@ChannelVariable String room) {
      return true;
    }
  }

  private static ChannelRule rule(String method) {
    Method m = java.util.Arrays.stream(Rules.class.getDeclaredMethods())
        .filter(candidate -> candidate.getName().equals(method)).findFirst().orElseThrow();
    ChannelAuthorization annotation = AnnotatedElementUtils.findMergedAnnotation(m, ChannelAuthorization.class);
    return ChannelRule.of(annotation, m, Rules::new, method);
  }

  @Test
  void aPrivateRuleDoesNotAnswerForAnEncryptedChannel() {
    ChannelRule rule = rule("anyPrivateRoom");
    assertThat(rule.match("private-lobby")).containsExactly(Map.entry("room", "lobby"));
    assertThat(rule.match("private-encrypted-payroll")).isNull();
  }

  @Test
  void aPlaceholderMatchesOneDotFreeSegment() {
    ChannelRule rule = rule("order");
    assertThat(rule.match("private-orders.42")).containsExactly(Map.entry("orderId", "42"));
    assertThat(rule.match("private-orders.42.items")).isNull();
    assertThat(rule.match("private-orders.")).isNull();
  }

  @Test
  void literalTextIsMatchedLiterallyNotAsARegularExpression() {
    assertThat(rule("order").match("private-ordersX42")).isNull();
  }

  @Test
  void severalPlaceholdersAreBoundByName() {
    assertThat(rule("two").match("private-shop.s1.orders.o2"))
        .containsExactly(Map.entry("shop", "s1"), Map.entry("order", "o2"));
  }

  @Test
  void aPatternForAPublicChannelFailsStartUp() {
    assertThatThrownBy(() -> rule("publicPattern")).hasMessageContaining("must start with private-");
  }

  @Test
  void aVariableMissingFromThePatternFailsStartUp() {
    assertThatThrownBy(() -> rule("unknownVariable")).hasMessageContaining("has no {other} placeholder");
  }

  @Test
  void aPresenceRuleReturningSomethingElseFailsStartUp() {
    assertThatThrownBy(() -> rule("wrongPresenceReturn")).hasMessageContaining("must return PresenceMember");
  }

  @Test
  void aParameterTheRuleCannotSupplyFailsStartUp() {
    assertThatThrownBy(() -> rule("unsupportedParameter")).hasMessageContaining("cannot supply parameter");
  }

  @Test
  void moreLiteralTextIsMoreSpecific() {
    assertThat(rule("two").specificity()).isGreaterThan(rule("order").specificity());
  }
}
