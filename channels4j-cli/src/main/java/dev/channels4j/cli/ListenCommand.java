package dev.channels4j.cli;

import dev.channels4j.ChannelType;
import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.protocol.SocketException;
import dev.channels4j.protocol.SocketMessage;
import dev.channels4j.protocol.Authorizer;
import dev.channels4j.protocol.Subscriber;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code listen <channel>...}: a subscriber in the terminal. */
@Command(name = "listen", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Subscribe and print events as they arrive, until interrupted.",
        "Private, presence and encrypted channels are authorized with the app's credentials; encrypted events are decrypted. Status goes to standard error, events to standard output."},
    footer = {"", "Example:", "  ./channels4j listen orders presence-room --user-id ada"})
final class ListenCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  /** Protocol events on a channel that tell the application something; the rest is chatter. */
  private static final Set<String> SHOWN_PROTOCOL_EVENTS = Set.of(
      "pusher_internal:member_added", "pusher_internal:member_removed", "pusher_internal:subscription_count",
      "pusher:cache_miss");

  private final CliContext context;

  @Parameters(arity = "1..*", paramLabel = "<channel>", description = "The channels to subscribe to.")
  List<String> channels;

  @Option(names = "--user-id", paramLabel = "<id>", description = "Who joins presence channels (default: cli-<socket id>).")
  String userId;

  @Option(names = "--user-info", paramLabel = "<json|@file|->", description = "A JSON object shown to the other presence members.")
  String userInfo;

  @Option(names = "--sign-in", paramLabel = "<json|@file|->",
      description = "Sign in as this user, like auth user --user, to receive sendToUser events.")
  String signIn;

  @Option(names = "--count", paramLabel = "<n>", description = "Stop after n events (default: run until interrupted).")
  Integer count;

  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  ListenCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (count != null && count < 1) {
      throw new BadInputException("--count must be at least 1, got " + count);
    }
    Map<String, Object> info = userInfo == null ? null : Inputs.jsonObject(context, userInfo, "--user-info");
    var user = signIn == null ? null : AuthCommand.User.userData(Inputs.jsonObject(context, signIn, "--sign-in"));
    TargetApp app = connection.resolve();
    app.requireEncryptionKeyFor(channels);
    Style style = Style.of(context);
    AtomicInteger printed = new AtomicInteger();
    CountDownLatch enough = new CountDownLatch(1);
    try (ChannelsClient client = app.client()) {
      // Channel messages come only after subscribing, when the subscriber is known; the listener must not block.
      AtomicReference<Subscriber> holder = new AtomicReference<>();
      Subscriber subscriber = Subscriber.connect(app.webSocketUri("channels4j-cli", RootCommand.version()), Authorizer.of(client),
          TIMEOUT, message -> {
        Subscriber known = holder.get();
        if (known != null && show(known, message, style) && count != null && printed.incrementAndGet() >= count) {
          enough.countDown();
        }
      });
      holder.set(subscriber);
      // Ctrl-C: say goodbye with a close frame, so the server drops this member at once.
      Thread goodbye = new Thread(subscriber::close, "channels4j-listen-close");
      Runtime.getRuntime().addShutdownHook(goodbye);
      try (subscriber) {
        status(style.dim("Connected to " + app.webSocketUri("channels4j-cli", RootCommand.version()).toString()
            .replaceAll("\\?.*", "") + " as socket " + subscriber.socketId()));
        if (user != null) {
          signIn(subscriber, user);
          status(style.dim("Signed in as user " + user.id()));
        }
        String memberId = userId != null ? userId : "cli-" + subscriber.socketId();
        PresenceMember member = info == null ? PresenceMember.of(memberId) : PresenceMember.of(memberId, info);
        for (String channel : channels) {
          SocketMessage succeeded = subscriber.subscribe(channel, member, TIMEOUT);
          status(style.dim("Subscribed to " + channel + members(channel, succeeded)));
        }
        status(style.dim(count == null ? "Listening; press Ctrl-C to stop."
            : "Listening for " + count + (count == 1 ? " event." : " events.")));
        waitUntilDone(subscriber, enough);
        var ended = subscriber.socket().closed().getNow(null);
        if (ended != null && enough.getCount() > 0) {
          throw new SocketException("the connection ended: " + ended.describe(), null);
        }
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(goodbye);
        } catch (IllegalStateException shuttingDown) {
          // The hook runs already.
        }
      }
    }
    return ExitCodes.OK;
  }

  /** Signs in; a server that has sign-in switched off is answered with the flag or setting that switches it on. */
  private static void signIn(Subscriber subscriber, dev.channels4j.auth.UserData user) {
    try {
      subscriber.signIn(user, TIMEOUT);
    } catch (SocketException e) {
      if (e.getMessage() != null && e.getMessage().contains("not enabled")) {
        throw new SocketException(e.getMessage() + " (a local server allows --sign-in when started with"
            + " ./channels4j serve --user-auth; on Pusher, enable user authentication in the app's settings)", e);
      }
      throw e;
    }
  }

  private static void waitUntilDone(Subscriber subscriber, CountDownLatch enough) {
    try {
      while (!enough.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (subscriber.socket().closed().isDone()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Prints an event; returns whether it was one (and not protocol chatter). */
  private boolean show(Subscriber subscriber, SocketMessage message, Style style) {
    String event = message.event();
    if (event.equals("pusher:error") || event.equals("pusher:subscription_error")) {
      status(style.red("Server error" + (message.channel() == null ? "" : " on " + message.channel()) + ": " + message.data()));
      return false;
    }
    if (message.channel() == null || (message.isProtocol() && !SHOWN_PROTOCOL_EVENTS.contains(event))) {
      return false;
    }
    // As pusher-js names them for applications.
    String shownEvent = event.replace("pusher_internal:", "pusher:");
    String data = message.data();
    boolean decrypted = false;
    if (Subscriber.isEncrypted(message.channel()) && !message.isProtocol()) {
      try {
        data = subscriber.decrypt(message.channel(), data);
        decrypted = true;
      } catch (SocketException e) {
        status(style.red(e.getMessage()));
      }
    }
    if (output.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("time", java.time.Instant.now().toString());
      json.put("channel", message.channel());
      json.put("event", shownEvent);
      json.put("data", data);
      if (message.userId() != null) {
        json.put("user_id", message.userId());
      }
      if (decrypted) {
        json.put("decrypted", true);
      }
      print(CliJson.write(json));
    } else {
      String time = LocalTime.now().truncatedTo(ChronoUnit.MILLIS).format(TIME);
      print(style.dim(time) + "  " + style.cyan(message.channel()) + "  " + style.bold(shownEvent) + "  " + data
          + (message.userId() != null ? "  user_id=" + message.userId() : "")
          + (decrypted ? "  " + style.dim("(decrypted)") : ""));
    }
    return true;
  }

  private static String members(String channel, SocketMessage succeeded) {
    if (ChannelType.of(channel) != ChannelType.PRESENCE || succeeded.data() == null) {
      return "";
    }
    try {
      if (CliJson.parse(succeeded.data()) instanceof Map<?, ?> data
          && data.get("presence") instanceof Map<?, ?> presence
          && presence.get("ids") instanceof List<?> ids) {
        return " (" + ids.size() + (ids.size() == 1 ? " member: " : " members: ")
            + String.join(", ", ids.stream().map(String::valueOf).toList()) + ")";
      }
    } catch (IllegalArgumentException notJson) {
      // Shown without members.
    }
    return "";
  }

  private synchronized void print(String line) {
    context.out().println(line);
    context.out().flush();
  }

  private synchronized void status(String line) {
    context.err().println(line);
    context.err().flush();
  }
}
