package dev.channels4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.testkit.ReceivedEvent;
import dev.channels4j.testkit.TestSubscriber;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code auth} prints is what the server accepts: subscribe and sign in with it, raw. */
class AuthRoundTripTest extends LocalServerTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) {
    return (Map<String, Object>) CliJson.parse(text);
  }

  private static String frame(String event, Map<String, Object> data) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("event", event);
    frame.put("data", data);
    return CliJson.write(frame);
  }

  @Test
  void privateAuthIsAcceptedByTheServer() {
    try (TestSubscriber subscriber = TestSubscriber.connect(server.webSocketUri(), null, TestSubscriber.DEFAULT_TIMEOUT)) {
      Cli.Result auth = cli().run("auth", "private", "--socket-id", subscriber.socketId(), "--channel", "private-a-rt");
      Map<String, Object> data = new LinkedHashMap<>(json(auth.out()));
      data.put("channel", "private-a-rt");

      subscriber.send(frame("pusher:subscribe", data));

      subscriber.awaitEvent("private-a-rt", "pusher_internal:subscription_succeeded");
    }
  }

  @Test
  void presenceAuthJoinsWithTheGivenMember() {
    try (TestSubscriber subscriber = TestSubscriber.connect(server.webSocketUri(), null, TestSubscriber.DEFAULT_TIMEOUT)) {
      Cli.Result auth = cli().run("auth", "presence", "--socket-id", subscriber.socketId(), "--channel", "presence-a-rt",
          "--user-id", "ada", "--user-info", "{\"name\":\"Ada\"}");
      Map<String, Object> data = new LinkedHashMap<>(json(auth.out()));
      data.put("channel", "presence-a-rt");

      subscriber.send(frame("pusher:subscribe", data));

      ReceivedEvent joined = subscriber.awaitEvent("presence-a-rt", "pusher_internal:subscription_succeeded");
      assertThat(joined.data()).contains("\"ada\"").contains("Ada");
    }
  }

  @Test
  void userAuthSignsTheConnectionIn() {
    try (TestSubscriber subscriber = TestSubscriber.connect(server.webSocketUri(), null, TestSubscriber.DEFAULT_TIMEOUT)) {
      Cli.Result auth = cli().run("auth", "user", "--socket-id", subscriber.socketId(), "--user", "{\"id\":\"ada-rt\"}");

      subscriber.send(frame("pusher:signin", json(auth.out())));

      assertThat(subscriber.awaitEvent("pusher:signin_success").data()).contains("ada-rt");
    }
  }

  @Test
  void authWithAnotherSecretIsRefused() {
    try (TestSubscriber subscriber = TestSubscriber.connect(server.webSocketUri(), null, TestSubscriber.DEFAULT_TIMEOUT)) {
      Cli.Result auth = cli().run("auth", "private", "--socket-id", subscriber.socketId(), "--channel", "private-a-no",
          "--secret", "not-the-secret");
      Map<String, Object> data = new LinkedHashMap<>(json(auth.out()));
      data.put("channel", "private-a-no");

      subscriber.send(frame("pusher:subscribe", data));

      subscriber.awaitEvent(
          e -> e.event().equals("pusher:subscription_error") || e.event().equals("pusher:error"),
          "a refusal", TestSubscriber.DEFAULT_TIMEOUT);
      subscriber.sync();
      assertThat(subscriber.events("private-a-no", "pusher_internal:subscription_succeeded")).isEmpty();
    }
  }
}
