package dev.channels4j.cli.demo;

import dev.channels4j.ChannelInfo;
import dev.channels4j.ChannelList;
import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.Info;
import dev.channels4j.WebhookVerificationException;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import dev.channels4j.cli.CliJson;
import dev.channels4j.cli.Style;
import dev.channels4j.protocol.SocketMessage;
import dev.channels4j.protocol.Subscriber;
import dev.channels4j.webhook.WebhookEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The ten steps of {@code ./channels4j demo}. Each publishes through the app's client, waits for
 * the subscribers (or the webhook endpoint) to receive it, and checks what arrived; a step passes
 * only when the round trip really happened.
 */
final class Demo {
  /** How long a step waits for something that should arrive. */
  static final Duration WAIT = Duration.ofSeconds(5);

  private final ChannelsClient client;
  private final String appKey;
  private final Subscriber alice;
  private final Subscriber bob;
  private final WebhookReceiver webhooks;
  private final PrintWriter out;
  private final Style style;
  private final List<StepResult> results = new ArrayList<>();

  /** One row of the summary. */
  record StepResult(String title, String sent, String received, boolean ok) {}

  private record Step(String title, String why, Consumer<StepLog> body) {}

  Demo(ChannelsClient client, String appKey, Subscriber alice, Subscriber bob, WebhookReceiver webhooks,
      PrintWriter out, Style style) {
    this.client = client;
    this.appKey = appKey;
    this.alice = alice;
    this.bob = bob;
    this.webhooks = webhooks;
    this.out = out;
    this.style = style;
  }

  List<StepResult> run() {
    List<Step> steps = List.of(
        new Step("Public trigger",
            "Anyone may subscribe to a public channel; your server publishes with one HTTP call.", this::publicTrigger),
        new Step("Multi-channel trigger",
            "One call delivers the same event on up to 100 channels.", this::multiChannel),
        new Step("Batch",
            "Up to 10 different events in one request.", this::batch),
        new Step("Excluded socket",
            "The sender's own connection can be left out, so it does not get its own echo.", this::excluded),
        new Step("Private channel",
            "Subscribing needs a signature from your server's auth endpoint; a forged one is refused.", this::privateChannel),
        new Step("Presence channel",
            "Members are announced as they join and leave; the API lists who is there.", this::presence),
        new Step("Encrypted channel",
            "End-to-end encrypted: the service relays ciphertext, only subscribers hold the key.", this::encrypted),
        new Step("User sign-in",
            "A connection signs in as a user; sendToUser reaches all of that user's connections.", this::userSignIn),
        new Step("Channel query",
            "The HTTP API tells which channels are occupied and how many users a presence channel has.", this::query),
        new Step("Webhook",
            "The service tells your server what happened; the signature proves it came from the service.", this::webhook));
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      out.println();
      out.println(style.bold(String.format("%2d/%d  %s", i + 1, steps.size(), step.title())));
      StepLog.wrap(step.why(), StepLog.WIDTH - 7, StepLog.WIDTH - 7).forEach(line -> out.println("       " + line));
      StepLog log = new StepLog(out, style, step.title());
      try {
        step.body().accept(log);
      } catch (RuntimeException e) {
        log.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      results.add(log.result());
    }
    return results;
  }

  private void publicTrigger(StepLog log) {
    alice.subscribe("demo-public", null, WAIT);
    log.note("alice subscribed to demo-public");
    String data = "{\"text\":\"hello, world\"}";
    int mark = alice.socket().mark();
    log.sent("1 event", "trigger demo-public greeting " + data);
    client.trigger("demo-public", "greeting", data);
    Optional<SocketMessage> got = alice.socket().await(mark, m -> m.is("greeting", "demo-public"), WAIT);
    got.ifPresent(m -> log.received("1/1 at alice", "alice got greeting on demo-public: " + m.data()));
    log.expect(got.isPresent(), "alice did not receive greeting within " + WAIT.toSeconds() + " s");
    got.ifPresent(m -> log.expect(sameJson(m.data(), data), "alice received other data: " + m.data()));
  }

  private void multiChannel(StepLog log) {
    alice.subscribe("demo-news", null, WAIT);
    alice.subscribe("demo-sports", null, WAIT);
    log.note("alice subscribed to demo-news and demo-sports");
    String data = "{\"headline\":\"0.1 is out\"}";
    int mark = alice.socket().mark();
    log.sent("1 call, 2 channels", "trigger [demo-news, demo-sports] headline " + data);
    client.trigger(List.of("demo-news", "demo-sports"), "headline", data);
    int got = awaitAll(alice, mark, List.of(
        m -> m.is("headline", "demo-news") && sameJson(m.data(), data),
        m -> m.is("headline", "demo-sports") && sameJson(m.data(), data)));
    log.received(got + "/2 at alice", "alice got headline on " + got + " of 2 channels");
    log.expect(got == 2, "expected headline on both channels");
  }

  private void batch(StepLog log) {
    List<Event> events = List.of(
        Event.of("demo-public", "score", "{\"n\":1}"),
        Event.of("demo-news", "score", "{\"n\":2}"),
        Event.of("demo-sports", "score", "{\"n\":3}"));
    int mark = alice.socket().mark();
    log.sent("3 events, 1 call", "batch of 3: score on demo-public, demo-news and demo-sports");
    client.triggerBatch(events);
    List<Predicate<SocketMessage>> expected = new ArrayList<>();
    for (Event event : events) {
      expected.add(m -> m.is(event.name(), event.channels().get(0)) && sameJson(m.data(), (String) event.data()));
    }
    int got = awaitAll(alice, mark, expected);
    log.received(got + "/3 at alice", "alice got " + got + " of the 3 events");
    log.expect(got == 3, "expected all 3 events of the batch");
  }

  private void excluded(StepLog log) {
    alice.subscribe("demo-chat", null, WAIT);
    bob.subscribe("demo-chat", null, WAIT);
    log.note("on demo-chat: alice (socket " + alice.socketId() + ") and bob");
    String data = "{\"text\":\"hi bob\"}";
    int aliceMark = alice.socket().mark();
    int bobMark = bob.socket().mark();
    log.sent("1 event, skip alice", "trigger demo-chat message " + data + " excluding alice's socket");
    client.trigger(Event.of("demo-chat", "message", data).excluding(alice.socketId()));
    boolean bobGot = bob.socket().await(bobMark, m -> m.is("message", "demo-chat"), WAIT).isPresent();
    boolean aliceGot = arrived(alice, aliceMark, m -> m.is("message", "demo-chat"));
    log.received("bob yes, alice " + (aliceGot ? "yes" : "no"),
        "bob " + (bobGot ? "got" : "did not get") + " the message; alice " + (aliceGot ? "got it too" : "did not, as asked"));
    log.expect(bobGot, "bob should have received the message");
    log.expect(!aliceGot, "alice's socket was excluded but she received the message");
  }

  private void privateChannel(StepLog log) {
    alice.subscribe("private-demo", null, WAIT);
    String auth = client.authorizeChannel(alice.socketId(), "private-demo").auth();
    log.note("alice subscribed to private-demo with auth " + shorten(auth, 24));
    int bobMark = bob.socket().mark();
    bob.socket().subscribe("private-demo", appKey + ":" + "0".repeat(64), null);
    boolean refused = bob.socket().await(bobMark, m ->
        m.is("pusher:subscription_error", "private-demo") || m.event().equals("pusher:error"), WAIT).isPresent();
    log.note("bob tried with a forged signature: " + (refused ? "refused" : "NOT refused"));
    String data = "{\"balance\":42}";
    int mark = alice.socket().mark();
    log.sent("1 event", "trigger private-demo update " + data);
    client.trigger("private-demo", "update", data);
    Optional<SocketMessage> got = alice.socket().await(mark, m -> m.is("update", "private-demo"), WAIT);
    boolean bobGot = arrived(bob, bobMark, m -> m.is("update", "private-demo"));
    log.received((got.isPresent() ? "1/1" : "0/1") + ", forgery refused",
        "alice got update on private-demo: " + got.map(SocketMessage::data).orElse("nothing"));
    log.expect(got.isPresent() && sameJson(got.get().data(), data), "alice should have received the update");
    log.expect(refused, "the forged subscription should have been refused");
    log.expect(!bobGot, "bob was not subscribed but received the update");
  }

  private void presence(StepLog log) {
    SocketMessage joined = alice.subscribe("presence-demo", PresenceMember.of("alice", Map.of("name", "Alice")), WAIT);
    log.note("alice joined presence-demo; members: " + memberIds(joined.data()));
    int mark = alice.socket().mark();
    log.sent("bob joins, leaves", "bob subscribes to presence-demo as user bob");
    bob.subscribe("presence-demo", PresenceMember.of("bob", Map.of("name", "Bob")), WAIT);
    Optional<SocketMessage> added = alice.socket().await(mark, m -> m.is("pusher_internal:member_added", "presence-demo")
        && userIdOf(m.data()).equals("bob"), WAIT);
    log.received("member_added", "alice got member_added " + added.map(SocketMessage::data).orElse("(nothing)"));
    List<String> users = client.users("presence-demo");
    log.note("GET /channels/presence-demo/users -> " + users);
    mark = alice.socket().mark();
    log.sent("bob joins, leaves", "bob unsubscribes from presence-demo");
    bob.socket().unsubscribe("presence-demo");
    Optional<SocketMessage> removed = alice.socket().await(mark, m -> m.is("pusher_internal:member_removed", "presence-demo")
        && userIdOf(m.data()).equals("bob"), WAIT);
    log.received("member_added/removed",
        "alice got member_removed " + removed.map(SocketMessage::data).orElse("(nothing)"));
    log.expect(added.isPresent(), "alice was not told that bob joined");
    log.expect(users.containsAll(List.of("alice", "bob")) && users.size() == 2, "the API should list alice and bob, got " + users);
    log.expect(removed.isPresent(), "alice was not told that bob left");
  }

  private void encrypted(StepLog log) {
    alice.subscribe("private-encrypted-demo", null, WAIT);
    log.note("alice subscribed; her auth answer carried the channel's shared_secret");
    String data = "{\"secret\":\"meet at noon\"}";
    int mark = alice.socket().mark();
    log.sent("1 encrypted event", "trigger private-encrypted-demo message " + data);
    client.trigger("private-encrypted-demo", "message", data);
    Optional<SocketMessage> got = alice.socket().await(mark, m -> m.is("message", "private-encrypted-demo"), WAIT);
    if (got.isEmpty()) {
      log.failed("alice did not receive the encrypted event within " + WAIT.toSeconds() + " s");
      return;
    }
    String wire = got.get().data();
    log.note("on the wire: " + envelopePreview(wire));
    String plain = alice.decrypt("private-encrypted-demo", wire);
    log.received("1/1, decrypted", "alice decrypted: " + plain);
    log.expect(!wire.contains("noon"), "the plaintext was visible on the wire");
    log.expect(sameJson(plain, data), "the decrypted text differs from what was sent");
  }

  private void userSignIn(StepLog log) {
    alice.signIn(UserData.of("alice").info(Map.of("name", "Alice")), WAIT);
    log.note("alice signed in as user alice; your server signed her user data");
    String data = "{\"text\":\"order shipped\"}";
    int mark = alice.socket().mark();
    int bobMark = bob.socket().mark();
    log.sent("1 event to alice", "sendToUser alice notice " + data);
    client.sendToUser("alice", "notice", data);
    Optional<SocketMessage> got = alice.socket().await(mark, m -> m.event().equals("notice"), WAIT);
    boolean bobGot = arrived(bob, bobMark, m -> m.event().equals("notice"));
    got.ifPresent(m -> log.received("1/1 at alice", "alice got notice on " + m.channel() + ": " + m.data()));
    log.expect(got.isPresent() && sameJson(got.get().data(), data), "alice should have received the notice");
    log.expect(!bobGot, "bob is not alice but received her notice");
  }

  private void query(StepLog log) {
    log.sent("2 queries", "GET /channels and GET /channels/presence-demo?info=user_count");
    ChannelList channels = client.channels();
    ChannelInfo presence = client.channel("presence-demo", Info.USER_COUNT);
    List<String> expected = List.of("demo-public", "demo-news", "demo-sports", "demo-chat", "private-demo",
        "presence-demo", "private-encrypted-demo");
    List<String> listed = channels.names().stream().filter(name -> !name.startsWith("#")).sorted().toList();
    int users = presence.userCount().orElse(-1);
    log.received(listed.size() + " channels, " + users + " user", "occupied: " + String.join(", ", listed));
    log.note("presence-demo: occupied=" + presence.occupied() + ", user_count=" + users);
    log.expect(channels.names().containsAll(expected), "the list misses some of " + expected);
    log.expect(presence.occupied() && users == 1, "presence-demo should hold 1 user (alice), got " + users);
  }

  private void webhook(StepLog log) {
    log.sent("1 subscription", "bob subscribes to demo-webhooks, which nobody occupied before");
    bob.subscribe("demo-webhooks", null, WAIT);
    Predicate<WebhookEvent> occupied = e -> e instanceof WebhookEvent.ChannelOccupied o && o.channel().equals("demo-webhooks");
    Optional<WebhookReceiver.Received> got = webhooks.await(occupied, WAIT);
    if (got.isEmpty()) {
      log.failed("no verified channel_occupied webhook for demo-webhooks within " + WAIT.toSeconds() + " s");
      return;
    }
    WebhookReceiver.Received hook = got.get();
    log.note("POST " + webhooks.url().getPath() + " X-Pusher-Signature: " + shorten(hook.signature(), 24));
    log.received("1 verified webhook", "your endpoint verified it: channel_occupied demo-webhooks");
    byte[] tampered = new String(hook.body(), java.nio.charset.StandardCharsets.UTF_8)
        .replace("demo-webhooks", "demo-hacked").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    boolean refused;
    try {
      client.verifyWebhook(Map.of("X-Pusher-Key", List.of(appKey), "X-Pusher-Signature", List.of(hook.signature())),
          tampered);
      refused = false;
    } catch (WebhookVerificationException expected) {
      refused = true;
    }
    log.note("a tampered copy (demo-webhooks -> demo-hacked) is " + (refused ? "refused" : "NOT refused"));
    log.expect(refused, "a tampered webhook passed verification");
    int[] counts = webhooks.counts();
    log.note(counts[0] + " webhooks received during the demo, " + counts[1] + " refused");
    log.expect(counts[1] == 0, counts[1] + " webhooks from the server failed verification");
  }

  /**
   * Whether a message that should not come came anyway: after a ping's pong, everything the server
   * sent before has arrived, so no sleeping is needed.
   */
  private static boolean arrived(Subscriber subscriber, int mark, Predicate<SocketMessage> match) {
    if (!subscriber.socket().sync(WAIT)) {
      throw new dev.channels4j.protocol.SocketException("no pong within " + WAIT.toSeconds() + " s", null);
    }
    return !subscriber.socket().messages(mark, match).isEmpty();
  }

  /** How many of the expected messages arrived (each counted once), waiting up to {@link #WAIT} in all. */
  private static int awaitAll(Subscriber subscriber, int mark, List<Predicate<SocketMessage>> expected) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    int got = 0;
    for (Predicate<SocketMessage> match : expected) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (subscriber.socket().await(mark, match, left).isPresent()) {
        got++;
      }
    }
    return got;
  }

  static boolean sameJson(String a, String b) {
    try {
      return Objects.equals(CliJson.parse(a), CliJson.parse(b));
    } catch (IllegalArgumentException notJson) {
      return Objects.equals(a, b);
    }
  }

  private static String userIdOf(String data) {
    try {
      return CliJson.parse(data) instanceof Map<?, ?> map ? String.valueOf(map.get("user_id")) : "";
    } catch (IllegalArgumentException notJson) {
      return "";
    }
  }

  private static String memberIds(String data) {
    try {
      if (CliJson.parse(data) instanceof Map<?, ?> map && map.get("presence") instanceof Map<?, ?> presence) {
        return String.valueOf(presence.get("ids"));
      }
    } catch (IllegalArgumentException notJson) {
      // Fall through.
    }
    return "?";
  }

  /** {@code {"nonce":"C5cycGDU...","ciphertext":"DQwqqLiwBhA8f..."}}: enough to see it is not plaintext. */
  private static String envelopePreview(String wire) {
    try {
      if (CliJson.parse(wire) instanceof Map<?, ?> envelope) {
        return "{\"nonce\":\"" + shorten(String.valueOf(envelope.get("nonce")), 11) + "\",\"ciphertext\":\""
            + shorten(String.valueOf(envelope.get("ciphertext")), 16) + "\"}";
      }
    } catch (IllegalArgumentException notJson) {
      // Shown as it came.
    }
    return shorten(wire, 55);
  }

  static String shorten(String text, int max) {
    return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}
