package dev.channels4j.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar channels4j-local.jar [--port 6001] [--client-events] ...}: runs a
 * {@link LocalServer} until interrupted and prints the {@code PUSHER_URL} to use.
 */
@Command(
    name = "channels4j-local",
    mixinStandardHelpOptions = true,
    version = "channels4j-local 0.1.0",
    description = "A Pusher-compatible local server: the Channels HTTP API and WebSocket protocol on one port.")
public final class Main implements Callable<Integer> {
  @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "Port to listen on, 0 for a free one (default: ${DEFAULT-VALUE}).")
  int port = 6001;

  @Option(names = "--app-id", description = "App id (default: ${DEFAULT-VALUE}).")
  String appId = LocalApp.DEFAULT_ID;

  @Option(names = "--key", description = "App key (default: ${DEFAULT-VALUE}).")
  String key = LocalApp.DEFAULT_KEY;

  @Option(names = "--secret", description = "App secret (default: ${DEFAULT-VALUE}).")
  String secret = LocalApp.DEFAULT_SECRET;

  @Option(names = "--webhook-url", description = "URL to post webhooks to; repeat for several.")
  List<String> webhookUrls = new ArrayList<>();

  @Option(names = "--client-events", description = "Allow client events on private and presence channels.")
  boolean clientEvents;

  @Option(names = "--user-auth", description = "Allow user authentication (pusher:signin).")
  boolean userAuthentication;

  @Option(names = "--subscription-count", description = "Send subscription_count events and webhooks.")
  boolean subscriptionCount;

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
    LocalServer.Builder builder;
    try {
      builder = LocalServer.builder().host(host).port(port).appId(appId).key(key).secret(secret)
          .clientEvents(clientEvents).userAuthentication(userAuthentication).subscriptionCount(subscriptionCount);
      webhookUrls.forEach(builder::webhookUrl);
    } catch (IllegalArgumentException e) {
      System.err.println("channels4j-local: " + e.getMessage());
      return 2;
    }
    LocalServer server = builder.build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "channels4j-local-shutdown"));
    System.out.println("PUSHER_URL=" + server.pusherUrl());
    System.out.println("WebSocket: " + server.webSocketUri());
    System.out.flush();
    stopped.await();
    return 0;
  }
}
