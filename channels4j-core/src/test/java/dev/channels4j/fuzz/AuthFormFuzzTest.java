package dev.channels4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import dev.channels4j.auth.AuthRequest;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The form body a browser posts to an auth endpoint ({@code socket_id=...&channel_name=...}) is
 * outside input: any text is answered or refused with a {@link ValidationException}, never
 * anything else.
 */
class AuthFormFuzzTest {
  private static final ChannelsClient CLIENT = ChannelsClient.builder()
      .appId("1").key("auth-key").secret("auth-secret").host("127.0.0.1").useTls(false)
      .encryptionMasterKeyBase64("ZUhQVldIZzduRkdZVkJzS2pPRkRYV1JyaWJJUjJiMGI=").build();

  @AfterContainer
  static void close() {
    CLIENT.close();
  }

  @Property
  void anyFormIsAuthorizedOrRefusedWithAValidationException(@ForAll("forms") String form) {
    answerOrRefuse(() -> {
      AuthRequest request = AuthRequest.fromForm(form);
      return CLIENT.authorizeChannel(request.socketId(), request.channelName()).toJson();
    });
    answerOrRefuse(() -> {
      AuthRequest request = AuthRequest.fromForm(form);
      return CLIENT.authorizePresenceChannel(request.socketId(), request.channelName(),
          PresenceMember.of("7", Map.of("n", 1))).toJson();
    });
    answerOrRefuse(() -> CLIENT.authenticateUser(AuthRequest.fromForm(form).socketId(), UserData.of("7")).toJson());
  }

  @Property
  void arbitraryTextIsAuthorizedOrRefusedWithAValidationException(@ForAll String form) {
    answerOrRefuse(() -> {
      AuthRequest request = AuthRequest.fromForm(form);
      return CLIENT.authorizeChannel(request.socketId(), request.channelName()).toJson();
    });
  }

  private static void answerOrRefuse(java.util.function.Supplier<String> call) {
    try {
      assertThat(call.get()).contains("auth-key:");
    } catch (ValidationException expected) {
      assertThat(expected.getMessage()).isNotBlank().doesNotContain("auth-secret");
    }
  }

  @Provide
  Arbitrary<String> forms() {
    Arbitrary<String> key = Arbitraries.of("socket_id", "channel_name", "socket%5Fid", "channel_name[]", "", "x");
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.of("123.456", "1.1", "private-room", "presence-room", "private-encrypted-room", "%", "%zz", "%2",
            "%E2%82", "%00", "+", "a+b", "private-r%C3%A9", "presence-" + "x".repeat(200), "123.456\n"),
        Arbitraries.strings().ofMaxLength(20));
    Arbitrary<String> pair = net.jqwik.api.Combinators.combine(key, Arbitraries.of("=", "", "=="), value)
        .as((k, eq, v) -> k + eq + v);
    return pair.list().ofMaxSize(5).map(pairs -> String.join("&", pairs));
  }
}
