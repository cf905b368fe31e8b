package dev.channels4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import dev.channels4j.testkit.TestSubscriber;
import org.junit.jupiter.api.Test;

/** channels, channel, users and terminate. */
class QueryCommandsTest extends LocalServerTest {
  @Test
  void channelsListsOccupiedChannels() {
    try (TestSubscriber subscriber = TestSubscriber.connect(server)) {
      subscriber.subscribe("q-list-a");
      subscriber.subscribe("q-list-b");

      Cli.Result result = cli().run("channels", "--prefix", "q-list-");

      assertThat(result.exit()).as(result.toString()).isZero();
      assertThat(result.out()).isEqualTo("q-list-a\nq-list-b\n");
    }
  }

  @Test
  void channelsWithUserCountShowsPresenceCounts() {
    try (TestSubscriber a = TestSubscriber.connect(server); TestSubscriber b = TestSubscriber.connect(server)) {
      a.subscribePresence("presence-q-count", PresenceMember.of("ada"));
      b.subscribePresence("presence-q-count", PresenceMember.of("bob"));

      Cli.Result result = cli().run("channels", "--prefix", "presence-q-count", "--user-count", "--json");

      assertThat(result.exit()).as(result.toString()).isZero();
      assertThat(result.out()).isEqualTo("{\"channels\":{\"presence-q-count\":{\"user_count\":2}}}\n");
    }
  }

  @Test
  void channelsWhenNoneIsOccupiedSaysSo() {
    Cli.Result result = cli().run("channels", "--prefix", "q-nobody-");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo("No occupied channels start with q-nobody-.\n");
  }

  @Test
  void userCountWithoutAPresencePrefixIsBadInput() {
    Cli.Result result = cli().run("channels", "--user-count");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("--user-count needs --prefix presence-");
  }

  @Test
  void channelShowsOccupancyAndCounts() {
    try (TestSubscriber subscriber = TestSubscriber.connect(server)) {
      subscriber.subscribePresence("presence-q-one", PresenceMember.of("ada"));

      Cli.Result result = cli().run("channel", "presence-q-one", "--info", "user_count");

      assertThat(result.exit()).as(result.toString()).isZero();
      assertThat(result.out()).isEqualTo("presence-q-one: occupied, user_count=1\n");
    }
  }

  @Test
  void channelThatNobodyOccupiesIsNotOccupied() {
    Cli.Result result = cli().run("channel", "q-empty", "--json");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo("{\"name\":\"q-empty\",\"occupied\":false}\n");
  }

  @Test
  void userCountOfAPublicChannelIsAServiceError() {
    Cli.Result result = cli().run("channel", "q-public", "--info", "user_count");

    assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.SERVICE_ERROR);
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void usersListsPresenceMembers() {
    try (TestSubscriber a = TestSubscriber.connect(server); TestSubscriber b = TestSubscriber.connect(server)) {
      a.subscribePresence("presence-q-users", PresenceMember.of("ada"));
      b.subscribePresence("presence-q-users", PresenceMember.of("bob"));

      Cli.Result result = cli().run("users", "presence-q-users");

      assertThat(result.exit()).as(result.toString()).isZero();
      assertThat(result.out().lines()).containsExactlyInAnyOrder("ada", "bob");
    }
  }

  @Test
  void usersOfANonPresenceChannelIsBadInput() {
    Cli.Result result = cli().run("users", "q-public");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("needs a presence channel");
  }

  @Test
  void terminateClosesTheUsersConnections() {
    try (TestSubscriber subscriber = TestSubscriber.connect(server)) {
      subscriber.signIn(UserData.of("q-doomed"));

      Cli.Result result = cli().run("terminate", "q-doomed");

      assertThat(result.exit()).as(result.toString()).isZero();
      assertThat(result.out()).isEqualTo("Terminated the connections of user q-doomed.\n");
      assertThat(subscriber.awaitClose().code()).isEqualTo(4009);
    }
  }

  @Test
  void queriesWithTheServerDownExitOne() {
    Cli.Result result = Cli.cli().run("channels", "--url", downUrl());

    assertThat(result.exit()).isEqualTo(ExitCodes.SERVICE_ERROR);
    assertThat(result.err()).contains("could not connect");
  }
}
