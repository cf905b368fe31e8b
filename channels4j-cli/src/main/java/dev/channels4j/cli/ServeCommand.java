package dev.channels4j.cli;

import dev.channels4j.local.LocalApp;
import dev.channels4j.local.LocalServer;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: the local server, with the flags of its standalone jar, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Run a Pusher-compatible local server until interrupted.",
        "HTTP API and WebSocket on one port; prints the PUSHER_URL to give your app and the other commands."},
    footer = {"", "Example:", "  ./channels4j serve --client-events --user-auth \\",
        "      --webhook-url http://127.0.0.1:8080/webhooks"})
final class ServeCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin
  ServerOptions options = new ServerOptions();

  ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    LocalServer server;
    try {
      server = options.builder().build();
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
      for (LocalApp app : server.apps().subList(1, server.apps().size())) {
        context.out().println("App " + app.id() + ": PUSHER_URL=" + server.pusherUrl(app.id())
            + " WebSocket: " + server.webSocketUri(app.id()));
      }
      context.out().flush();
      String host = options.host();
      List<String> webhookUrls = options.webhookUrls();
      boolean defaults = server.port() == Connection.LOCAL_PORT && options.defaultCredentials()
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
