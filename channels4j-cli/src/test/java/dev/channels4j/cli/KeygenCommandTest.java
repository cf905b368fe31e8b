package dev.channels4j.cli;

import static dev.channels4j.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeygenCommandTest {
  @Test
  void printsThirtyTwoRandomBytesAsBase64() {
    Cli.Result result = cli().run("keygen");

    assertThat(result.exit()).isZero();
    assertThat(Base64.getDecoder().decode(result.out().strip())).hasSize(32);
  }

  @Test
  void eachKeyIsNew() {
    assertThat(cli().run("keygen").out()).isNotEqualTo(cli().run("keygen").out());
  }

  @Test
  void aGeneratedKeyIsAcceptedAsTheMasterKey() {
    String key = cli().run("keygen").out().strip();

    Cli.Result result = cli().env("PUSHER_ENCRYPTION_MASTER_KEY", key)
        .run("auth", "private", "--socket-id", "1.2", "--channel", "private-encrypted-x");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).contains("shared_secret");
  }
}
