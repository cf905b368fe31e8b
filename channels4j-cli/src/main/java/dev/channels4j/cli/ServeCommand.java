package dev.channels4j.cli;

import dev.channels4j.local.LocalApp;
import dev.channels4j.local.LocalServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: the local server, with the flags of its standalone jar, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Run a Pusher-compatible local server until interrupted.",
        "HTTP API and WebSocket on one port; prints the PUSHER_URL to give your app and the other commands."},
    footer = {"", "Example:", "  ./channels4j serve --client-events --user-auth \\",
        "      --webhook-url http://127.0.0.1:8080/webhooks"})
final class ServeCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--host", paramLabel = "<host>", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "<port>", description = "Port to listen on, 0 for a free one (default: ${DEFAULT-VALUE}).")
  int port = Connection.LOCAL_PORT;

  @Option(names = "--app-id", paramLabel = "<id>", description = "App id (default: ${DEFAULT-VALUE}).")
  String appId = LocalApp.DEFAULT_ID;

  @Option(names = "--key", paramLabel = "<key>", description = "App key (default: ${DEFAULT-VALUE}).")
  String key = LocalApp.DEFAULT_KEY;

  @Option(names = "--secret", paramLabel = "<secret>", description = "App secret (default: ${DEFAULT-VALUE}).")
  String secret = LocalApp.DEFAULT_SECRET;

  @Option(names = "--webhook-url", paramLabel = "<url>", description = "URL to post webhooks to; repeat for several.")
  List<String> webhookUrls = new ArrayList<>();

  @Option(names = "--client-events", description = "Allow client events on private and presence channels.")
  boolean clientEvents;

  @Option(names = "--user-auth", description = "Allow user authentication (pusher:signin).")
  boolean userAuthentication;

  @Option(names = "--subscription-count", description = "Send subscription_count events and webhooks.")
  boolean subscriptionCount;

  ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    LocalServer server;
    try {
      LocalServer.Builder builder = LocalServer.builder().host(host).port(port).appId(appId).key(key).secret(secret)
          .clientEvents(clientEvents).userAuthentication(userAuthentication).subscriptionCount(subscriptionCount);
      webhookUrls.forEach(builder::webhookUrl);
      server = builder.build();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    server.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "channels4j-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Style style = Style.of(context);
      context.out().println("PUSHER_URL=" + server.pusherUrl());
      context.out().println("WebSocket: " + server.webSocketUri());
      context.out().flush();
      boolean defaults = server.port() == Connection.LOCAL_PORT && appId.equals(LocalApp.DEFAULT_ID)
          && key.equals(LocalApp.DEFAULT_KEY) && secret.equals(LocalApp.DEFAULT_SECRET)
          && (host.equals("127.0.0.1") || host.equals("0.0.0.0"));
      context.err().println(style.green("Local Channels server running") + " on " + host + ":" + server.port()
          + (webhookUrls.isEmpty() ? "" : ", webhooks to " + String.join(", ", webhookUrls)) + ".");
      context.err().println("In another terminal" + (defaults ? "" : " (after: export PUSHER_URL=" + server.pusherUrl() + ")") + ":");
      context.err().println("  " + style.bold("./channels4j listen my-channel"));
      context.err().println("  " + style.bold("./channels4j trigger my-channel --event hello --data '{\"text\":\"hi\"}'"));
      context.err().println(style.dim("Press Ctrl-C to stop."));
      context.err().flush();
      stopped.await();
    } catch (InterruptedException e) {
      // Stopped from within the process (tests): close as Ctrl-C would.
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running already and closes the server.
      }
      server.close();
    }
    return ExitCodes.OK;
  }
}
