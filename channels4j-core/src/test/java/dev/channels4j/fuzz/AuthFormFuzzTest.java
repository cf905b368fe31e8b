package dev.channels4j.fuzz;

import dev.channels4j.testsupport.Fuzz;
import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import dev.channels4j.auth.AuthRequest;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The form body a browser posts to an auth endpoint ({@code socket_id=...&channel_name=...}) is
 * outside input: any text is answered or refused with a {@link ValidationException}, never
 * anything else.
 */
class AuthFormFuzzTest {
  private static final ChannelsClient CLIENT = ChannelsClient.builder()
      .appId("1").key("auth-key").secret("auth-secret").host("127.0.0.1").useTls(false)
      .encryptionMasterKeyBase64("ZUhQVldIZzduRkdZVkJzS2pPRkRYV1JyaWJJUjJiMGI=").build();

  @AfterAll
  static void close() {
    CLIENT.close();
  }

  @Test
  void anyFormIsAuthorizedOrRefusedWithAValidationException() {
    Fuzz.forAll("anyForm", AuthFormFuzzTest::form, form -> {
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
    });
  }

  @Test
  void arbitraryTextIsAuthorizedOrRefusedWithAValidationException() {
    Fuzz.forAll("arbitraryText", g -> g.string(255), form -> answerOrRefuse(() -> {
      AuthRequest request = AuthRequest.fromForm(form);
      return CLIENT.authorizeChannel(request.socketId(), request.channelName()).toJson();
    }));
  }

  private static void answerOrRefuse(java.util.function.Supplier<String> call) {
    try {
      assertThat(call.get()).contains("auth-key:");
    } catch (ValidationException expected) {
      assertThat(expected.getMessage()).isNotBlank().doesNotContain("auth-secret");
    }
  }

  private static String form(Fuzz.Gen g) {
    return String.join("&", g.list(5, () -> {
      String key = g.of("socket_id", "channel_name", "socket%5Fid", "channel_name[]", "", "x");
      String eq = g.of("=", "", "==");
      String value = g.oneOf(
          () -> g.of("123.456", "1.1", "private-room", "presence-room", "private-encrypted-room", "%", "%zz", "%2",
              "%E2%82", "%00", "+", "a+b", "private-r%C3%A9", "presence-" + "x".repeat(200), "123.456\n"),
          () -> g.string(20));
      return key + eq + value;
    }));
  }
}
