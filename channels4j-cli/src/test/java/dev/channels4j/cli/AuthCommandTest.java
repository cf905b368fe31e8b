package dev.channels4j.cli;

import static dev.channels4j.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Signatures from the protocol's published vectors (key 278d425bdf160c739803, socket 1234.1234). */
class AuthCommandTest {
  private static final String[] APP = {"--key", "278d425bdf160c739803", "--secret", "7ad3773142a6692b25b8"};

  private static String[] args(String... args) {
    String[] all = new String[args.length + APP.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(APP, 0, all, args.length, APP.length);
    return all;
  }

  @Test
  void privatePrintsTheAuthEndpointBody() {
    Cli.Result result = cli().run(args("auth", "private", "--socket-id", "1234.1234", "--channel", "private-foobar"));

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo(
        "{\"auth\":\"278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4\"}\n");
  }

  @Test
  void userPrintsAuthAndTheSignedUserData() {
    Cli.Result result = cli().run(args("auth", "user", "--socket-id", "1234.1234", "--user", "{\"id\":\"12345\"}"));

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo(
        "{\"auth\":\"278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba\","
            + "\"user_data\":\"{\\\"id\\\":\\\"12345\\\"}\"}\n");
  }

  @Test
  void presenceCarriesChannelDataWithUserInfo() {
    Cli.Result result = cli().run(args("auth", "presence", "--socket-id", "1234.1234", "--channel", "presence-foobar",
        "--user-id", "10", "--user-info", "{\"name\":\"Mr. Channels\"}"));

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).contains(
        "\"channel_data\":\"{\\\"user_id\\\":\\\"10\\\",\\\"user_info\\\":{\\\"name\\\":\\\"Mr. Channels\\\"}}\"");
  }

  @Test
  void encryptedChannelAddsTheSharedSecret() {
    Cli.Result result = cli().run(args("auth", "private", "--socket-id", "1234.1234", "--channel", "private-encrypted-test",
        "--encryption-master-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).contains("\"shared_secret\":\"5sjH9S2/qGAQKjEQMBUG9bIGNd87K7ZV9SHg2rgKilc=\"");
  }

  @Test
  void encryptedChannelWithoutAMasterKeyIsBadInput() {
    Cli.Result result = cli().run(args("auth", "private", "--socket-id", "1234.1234", "--channel", "private-encrypted-test"));

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("is encrypted: give --encryption-master-key");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void badSocketIdIsNamedInOneLine() {
    Cli.Result result = cli().run(args("auth", "private", "--socket-id", "abc", "--channel", "private-foobar"));

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).isEqualTo(
        "channels4j auth private: socket id \"abc\" is not valid: expected digits, a dot, digits (like 1234.5678)\n");
  }

  @Test
  void userWithoutAnIdIsBadInput() {
    Cli.Result result = cli().run(args("auth", "user", "--socket-id", "1234.1234", "--user", "{\"user_info\":{}}"));

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("--user needs \"id\"");
  }

  @Test
  void userThatIsNotJsonIsBadInput() {
    Cli.Result result = cli().run(args("auth", "user", "--socket-id", "1234.1234", "--user", "{id:"));

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).startsWith("channels4j auth user: --user is not valid JSON");
  }

  @Test
  void authWithoutWhatToAuthorizeIsAUsageError() {
    Cli.Result result = cli().run("auth");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("private, presence or user");
  }
}
