package dev.channels4j.cli;

import static dev.channels4j.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol's webhook vector: secret 7ad3773142a6692b25b8. */
class WebhookCommandTest {
  private static final String BODY =
      "{\"time_ms\":1327078148132,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"test-channel\"}]}";
  private static final String SIGNATURE = "5dd6562a9f744b72a688bcdfea41c14c2c56d12c44c99e32c08face4cc1e8aeb";

  @TempDir Path dir;

  @Test
  void signPrintsTheHeadersOfTheVector() throws Exception {
    Path body = Files.writeString(dir.resolve("body.json"), BODY);

    Cli.Result result = cli().run("webhook", "sign", body.toString(), "--key", "k", "--secret", "7ad3773142a6692b25b8");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("X-Pusher-Key: k\nX-Pusher-Signature: " + SIGNATURE + "\n");
  }

  @Test
  void verifyAcceptsTheGenuineBodyFromStdinAndListsItsEvents() {
    Cli.Result result = cli().stdin(BODY)
        .run("webhook", "verify", "--signature", SIGNATURE, "--secret", "7ad3773142a6692b25b8", "-");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).contains("Valid webhook").contains("channel_occupied test-channel");
  }

  @Test
  void verifyJsonListsTheEvents() {
    Cli.Result result = cli().stdin(BODY)
        .run("webhook", "verify", "--json", "--signature", SIGNATURE, "--secret", "7ad3773142a6692b25b8", "-");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("{\"valid\":true,\"time_ms\":1327078148132,"
        + "\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"test-channel\"}]}\n");
  }

  @Test
  void verifyRefusesAnAlteredBodyWithExitTwo() {
    Cli.Result result = cli().stdin(BODY.replace("test-channel", "other-channel"))
        .run("webhook", "verify", "--signature", SIGNATURE, "--secret", "7ad3773142a6692b25b8", "-");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("signature does not match");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void verifyRefusesASignatureMadeWithAnotherSecret() {
    Cli.Result result = cli().stdin(BODY)
        .run("webhook", "verify", "--signature", SIGNATURE, "--secret", "another-secret", "-");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void missingFileIsNamed() {
    Cli.Result result = cli().run("webhook", "verify", "--signature", SIGNATURE, dir.resolve("nope.json").toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("no such file").contains("nope.json");
  }

  @Test
  void missingSignatureIsAUsageError() {
    Cli.Result result = cli().stdin(BODY).run("webhook", "verify", "-");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("--signature");
  }
}
