package dev.channels4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.auth.PresenceMember;
import dev.channels4j.local.LocalServer;
import dev.channels4j.testkit.TestSubscriber;
import dev.channels4j.testsupport.Await;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ListenCommandTest extends LocalServerTest {

  /** A listen command running in the background, with its output. */
  private static final class Listening {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CompletableFuture<Integer> exit;

    Listening(String... args) {
      CliContext context = new CliContext(
          Map.of("PUSHER_URL", server.pusherUrl(), "PUSHER_ENCRYPTION_MASTER_KEY", MASTER_KEY),
          new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true), false);
      exit = CompletableFuture.supplyAsync(() -> Main.run(context, args));
    }

    /** Waits until every subscription is made (or the command ended). */
    Listening ready() {
      Await.within(() -> err.toString().contains("Listening") || exit.isDone(), Duration.ofSeconds(10));
      assertThat(err.toString()).as("stderr of listen").contains("Listening");
      return this;
    }

    int exitCode() throws Exception {
      return exit.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void printsEventsAsTheyArrive() throws Exception {
    Listening listen = new Listening("listen", "l-news", "--count", "2").ready();

    client.trigger("l-news", "headline", "{\"n\":1}");
    client.trigger("l-news", "headline", "{\"n\":2}");

    assertThat(listen.exitCode()).isZero();
    assertThat(listen.out.toString().lines()).hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("l-news  headline  {\"n\":"));
    assertThat(listen.err.toString()).contains("Subscribed to l-news");
  }

  @Test
  void saysOneEventInTheSingular() throws Exception {
    Listening listen = new Listening("listen", "l-single", "--count", "1").ready();

    client.trigger("l-single", "headline", "{}");

    assertThat(listen.exitCode()).isZero();
    assertThat(listen.err.toString()).contains("Listening for 1 event.").doesNotContain("1 events");
  }

  @Test
  void decryptsEncryptedChannels() throws Exception {
    Listening listen = new Listening("listen", "private-encrypted-l", "--count", "1", "--json").ready();

    client.trigger("private-encrypted-l", "secret", "{\"words\":\"in the clear\"}");

    assertThat(listen.exitCode()).isZero();
    assertThat(listen.out.toString()).contains("\"data\":\"{\\\"words\\\":\\\"in the clear\\\"}\"")
        .contains("\"decrypted\":true");
  }

  @Test
  void joinsPresenceChannelsAndShowsMembers() throws Exception {
    Listening listen = new Listening("listen", "presence-l-room", "--user-id", "ada", "--count", "1").ready();
    try (TestSubscriber bob = TestSubscriber.connect(server)) {
      bob.subscribePresence("presence-l-room", PresenceMember.of("bob"));

      assertThat(listen.exitCode()).isZero();
    }
    assertThat(listen.err.toString()).contains("Subscribed to presence-l-room (1 member: ada)");
    assertThat(listen.out.toString()).contains("pusher:member_added").contains("\"user_id\":\"bob\"");
  }

  @Test
  void showsSubscriptionCountsWhenTheServerSendsThem() throws Exception {
    try (LocalServer counting = LocalServer.builder().host("127.0.0.1").port(0).subscriptionCount(true).build().start()) {
      StringWriter out = new StringWriter();
      CliContext context = new CliContext(Map.of("PUSHER_URL", counting.pusherUrl()),
          new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false);

      int exit = Main.run(context, "listen", "l-counted", "--count", "1");

      assertThat(exit).isZero();
      assertThat(out.toString()).contains("l-counted  pusher:subscription_count  {\"subscription_count\":1}");
    }
  }

  @Test
  void authorizesPrivateChannels() throws Exception {
    Listening listen = new Listening("listen", "private-l-orders", "--count", "1").ready();

    client.trigger("private-l-orders", "created", "{}");

    assertThat(listen.exitCode()).isZero();
    assertThat(listen.out.toString()).contains("private-l-orders  created  {}");
  }

  @Test
  void signedInUsersReceiveSendToUser() throws Exception {
    Listening listen = new Listening("listen", "l-any", "--sign-in", "{\"id\":\"l-ada\"}", "--count", "1").ready();

    client.sendToUser("l-ada", "notice", "{\"hi\":true}");

    assertThat(listen.exitCode()).isZero();
    assertThat(listen.err.toString()).contains("Signed in as user l-ada");
    assertThat(listen.out.toString()).contains("#server-to-user-l-ada  notice  {\"hi\":true}");
  }

  @Test
  void refusedSubscriptionIsExitOne() throws Exception {
    Listening listen = new Listening("listen", "private-l-x", "--secret", "wrong");

    assertThat(listen.exitCode()).isEqualTo(ExitCodes.SERVICE_ERROR);
    assertThat(listen.err.toString()).contains("refused the subscription to private-l-x");
  }

  @Test
  void endsWithExitOneWhenTheServerClosesTheConnection() throws Exception {
    Listening listen = new Listening("listen", "l-closing", "--sign-in", "{\"id\":\"l-closed\"}").ready();

    client.terminateUserConnections("l-closed");

    assertThat(listen.exitCode()).isEqualTo(ExitCodes.SERVICE_ERROR);
    assertThat(listen.err.toString()).contains("the connection ended: closed by the server: 4009");
  }

  @Test
  void encryptedChannelWithoutAMasterKeyIsBadInput() {
    Cli.Result result = Cli.cli().env("PUSHER_URL", server.pusherUrl()).run("listen", "private-encrypted-l-nokey");

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("is encrypted: give --encryption-master-key");
  }

  @Test
  void serverDownIsExitOne() {
    Cli.Result result = Cli.cli().run("listen", "l-down", "--url", downUrl());

    assertThat(result.exit()).isEqualTo(ExitCodes.SERVICE_ERROR);
    assertThat(result.err()).contains("cannot open a WebSocket");
    assertThat(result.err().lines()).hasSize(1);
  }
}
