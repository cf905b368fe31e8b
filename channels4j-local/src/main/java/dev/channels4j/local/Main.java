package dev.channels4j.local;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code java -jar channels4j-local.jar [--port 6001] [--client-events] ...}: runs a
 * {@link LocalServer} until interrupted and prints the {@code PUSHER_URL} to use.
 *
 * <p>More apps: {@code --app chat:chat-key:chat-secret} (repeatable; same switches and webhook URLs as
 * the first app) or {@code --config apps.json} (each app with its own; see {@link AppsFile}).
 */
@Command(
    name = "channels4j-local",
    mixinStandardHelpOptions = true,
    version = "channels4j-local 0.1.0",
    description = "A Pusher-compatible local server: the Channels HTTP API and WebSocket protocol on one port.")
public final class Main implements Callable<Integer> {
  @Mixin
  ServerOptions options = new ServerOptions();

  public static void main(String[] args) {
    // slf4j-simple (only in the standalone jar) reads these once; explicit -D settings win.
    System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty",
        System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn"));
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.hc",
        System.getProperty("org.slf4j.simpleLogger.log.org.apache.hc", "warn"));
    System.setProperty("org.slf4j.simpleLogger.showDateTime",
        System.getProperty("org.slf4j.simpleLogger.showDateTime", "true"));
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    LocalServer server;
    try {
      server = builder().build().start();
    } catch (IllegalArgumentException e) {
      System.err.println("channels4j-local: " + e.getMessage());
      return 2;
    } catch (java.io.UncheckedIOException e) {
      System.err.println("channels4j-local: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "channels4j-local-shutdown"));
    printUrls(server, System.out);
    stopped.await();
    return 0;
  }

  /** The server the flags describe; an {@link IllegalArgumentException} says which flag is wrong. */
  LocalServer.Builder builder() {
    return options.builder();
  }

  /** Prints {@code PUSHER_URL=...} of the default app first, then the URL of every other app. */
  static void printUrls(LocalServer server, PrintStream out) {
    out.println("PUSHER_URL=" + server.pusherUrl());
    out.println("WebSocket: " + server.webSocketUri());
    for (LocalApp app : server.apps().subList(1, server.apps().size())) {
      out.println("App " + app.id() + ": PUSHER_URL=" + server.pusherUrl(app.id()) + " WebSocket: "
          + server.webSocketUri(app.id()));
    }
    out.flush();
  }
}
