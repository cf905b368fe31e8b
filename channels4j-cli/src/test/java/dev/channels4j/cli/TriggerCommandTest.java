package dev.channels4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.auth.PresenceMember;
import dev.channels4j.local.AcceptedEvent;
import dev.channels4j.testkit.TestSubscriber;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriggerCommandTest extends LocalServerTest {
  @TempDir Path dir;

  @Test
  void deliversTheEventOnEveryChannelNamed() {
    try (TestSubscriber subscriber = TestSubscriber.connect(server)) {
      subscriber.subscribe("t-news");
      subscriber.subscribe("t-sports");

      Cli.Result result = cli().run("trigger", "t-news", "t-sports", "--event", "headline", "--data", "{\"n\":1}");

      assertThat(result.exit()).as(result.toString()).isZero();
      assertThat(result.out()).isEqualTo("Triggered headline on t-news, t-sports\n");
      assertThat(subscriber.awaitEvent("t-news", "headline").data()).isEqualTo("{\"n\":1}");
      assertThat(subscriber.awaitEvent("t-sports", "headline").data()).isEqualTo("{\"n\":1}");
    }
  }

  @Test
  void readsDataFromAFile() throws Exception {
    Path data = Files.writeString(dir.resolve("data.json"), "{\"from\":\"file\"}\n");

    Cli.Result result = cli().run("trigger", "t-file", "-e", "ev", "-d", "@" + data);

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(accepted("t-file")).extracting(AcceptedEvent::data).containsExactly("{\"from\":\"file\"}");
  }

  @Test
  void readsDataFromStandardInput() {
    Cli.Result result = cli().stdin("{\"from\":\"stdin\"}").run("trigger", "t-stdin", "-e", "ev", "-d", "-");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(accepted("t-stdin")).extracting(AcceptedEvent::data).containsExactly("{\"from\":\"stdin\"}");
  }

  @Test
  void excludedSocketDoesNotReceiveTheEvent() {
    try (TestSubscriber excluded = TestSubscriber.connect(server);
        TestSubscriber other = TestSubscriber.connect(server)) {
      excluded.subscribe("t-chat");
      other.subscribe("t-chat");

      Cli.Result result = cli().run("trigger", "t-chat", "-e", "msg", "-d", "{}", "--socket-id", excluded.socketId());

      assertThat(result.exit()).as(result.toString()).isZero();
      other.awaitEvent("t-chat", "msg");
      excluded.sync();
      assertThat(excluded.events("t-chat", "msg")).isEmpty();
    }
  }

  @Test
  void infoPrintsTheRequestedCounts() {
    try (TestSubscriber member = TestSubscriber.connect(server)) {
      member.subscribePresence("presence-t-room", PresenceMember.of("ada"));

      Cli.Result result = cli().run("trigger", "presence-t-room", "-e", "ev", "-d", "{}", "--info", "user_count");

      assertThat(result.exit()).as(result.toString()).isZero();
      assertThat(result.out()).contains("presence-t-room: user_count=1");
    }
  }

  @Test
  void jsonOutputIsOneObject() {
    Cli.Result result = cli().run("trigger", "t-json", "-e", "ev", "-d", "{}", "--json");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("{\"ok\":true,\"event\":\"ev\",\"channels\":[\"t-json\"]}\n");
  }

  @Test
  void encryptedChannelCarriesCiphertextOnly() {
    Cli.Result result = cli().run("trigger", "private-encrypted-t", "-e", "ev", "-d", "{\"secret\":\"plain words\"}");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("Triggered ev on private-encrypted-t (encrypted)\n");
    assertThat(accepted("private-encrypted-t")).singleElement()
        .satisfies(event -> assertThat(event.data()).contains("ciphertext").doesNotContain("plain words"));
  }

  @Test
  void encryptedChannelWithoutAMasterKeySaysHowToGiveOne() {
    Cli.Result result = Cli.cli().env("PUSHER_URL", server.pusherUrl())
        .run("trigger", "private-encrypted-t-nokey", "-e", "ev", "-d", "{}");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).isEqualTo("channels4j trigger: channel private-encrypted-t-nokey is encrypted: give"
        + " --encryption-master-key or set PUSHER_ENCRYPTION_MASTER_KEY (make a key with ./channels4j keygen)\n");
    assertThat(accepted("private-encrypted-t-nokey")).isEmpty();
  }

  @Test
  void dataThatIsNotJsonIsRefusedBeforeSending() {
    Cli.Result result = cli().run("trigger", "t-bad", "-e", "ev", "-d", "{oops");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).startsWith("channels4j trigger: --data is not valid JSON");
    assertThat(result.err().lines()).hasSize(1);
    assertThat(accepted("t-bad")).isEmpty();
  }

  @Test
  void unknownInfoAttributeIsBadInputListingTheKnownOnes() {
    Cli.Result result = cli().run("trigger", "t-news", "-e", "ev", "-d", "{}", "--info", "user_count,members");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("\"members\" is not an attribute").contains("user_count, subscription_count, cache");
  }

  @Test
  void invalidChannelNameIsBadInput() {
    Cli.Result result = cli().run("trigger", "bad channel", "-e", "ev", "-d", "{}");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("channel name \"bad channel\" may only contain");
  }

  @Test
  void missingDataFileIsBadInput() {
    Cli.Result result = cli().run("trigger", "t-x", "-e", "ev", "-d", "@" + dir.resolve("missing.json"));

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("--data: no such file");
  }

  @Test
  void wrongSecretIsAServiceErrorWithExitOne() {
    Cli.Result result = cli().run("trigger", "t-denied", "-e", "ev", "-d", "{}", "--secret", "wrong");

    assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.SERVICE_ERROR);
    assertThat(result.err()).contains("401");
    assertThat(result.err().lines()).hasSize(1);
    assertThat(accepted("t-denied")).isEmpty();
  }

  @Test
  void serverDownIsExitOneWithAHint() {
    Cli.Result result = Cli.cli().run("trigger", "t-down", "-e", "ev", "-d", "{}", "--url", downUrl());

    assertThat(result.exit()).isEqualTo(ExitCodes.SERVICE_ERROR);
    assertThat(result.err()).contains("could not connect").contains("./channels4j serve");
    assertThat(result.err().lines()).hasSize(1);
  }
}
