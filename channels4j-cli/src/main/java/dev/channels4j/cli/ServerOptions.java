package dev.channels4j.cli;

import dev.channels4j.local.LocalApp;
import dev.channels4j.local.LocalServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code serve} command's flags ({@code --host}, {@code --port}, {@code --app-id}, {@code --key},
 * {@code --secret}, {@code --webhook-url}, {@code --client-events}, {@code --user-auth},
 * {@code --subscription-count}, {@code --app}, {@code --config}) as a picocli mixin: the flags of
 * the standalone local server. They live in the CLI so that the server library (channels4j-local)
 * and the test kit carry no command-line parsing.
 *
 * <pre>{@code
 * @Command(name = "serve")
 * class Serve implements Callable<Integer> {
 *   @Mixin ServerOptions options = new ServerOptions();
 *
 *   public Integer call() throws Exception {
 *     try (LocalServer server = options.builder().build().start()) {
 *       System.out.println("PUSHER_URL=" + server.pusherUrl());
 *       Thread.currentThread().join();
 *     }
 *     return 0;
 *   }
 * }
 * }</pre>
 */
final class ServerOptions {
  @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "Port to listen on, 0 for a free one (default: ${DEFAULT-VALUE}).")
  int port = 6001;

  @Option(names = "--app-id", paramLabel = "<id>", description = "App id (default: ${DEFAULT-VALUE}).")
  String appId = LocalApp.DEFAULT_ID;

  @Option(names = "--key", description = "App key (default: ${DEFAULT-VALUE}).")
  String key = LocalApp.DEFAULT_KEY;

  @Option(names = "--secret", description = "App secret (default: ${DEFAULT-VALUE}).")
  String secret = LocalApp.DEFAULT_SECRET;

  @Option(names = "--webhook-url", paramLabel = "<url>", description = "URL to post webhooks to; repeat for several.")
  List<String> webhookUrls = new ArrayList<>();

  @Option(names = "--client-events", description = "Allow client events on private and presence channels.")
  boolean clientEvents;

  @Option(names = "--user-auth", description = "Allow user authentication (pusher:signin).")
  boolean userAuthentication;

  @Option(names = "--subscription-count", description = "Send subscription_count events and webhooks.")
  boolean subscriptionCount;

  @Option(names = "--app", paramLabel = "ID:KEY:SECRET",
      description = "Another app to serve, with the same switches and webhook URLs as the first; repeat for several.")
  List<String> extraApps = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE",
      description = "A JSON file of more apps, each with its own switches: "
          + "{\"apps\":[{\"id\":..,\"key\":..,\"secret\":..,\"clientEvents\":true,\"userAuthentication\":true,"
          + "\"subscriptionCount\":true,\"webhookUrls\":[..]}]}")
  Path config;

  /**
   * The server the flags describe. {@link LocalServer.Builder#build()} (or reading {@code --config})
   * throws an {@link IllegalArgumentException} that names the wrong flag.
   */
  public LocalServer.Builder builder() {
    LocalServer.Builder builder = LocalServer.builder().host(host).port(port).appId(appId).key(key).secret(secret)
        .clientEvents(clientEvents).userAuthentication(userAuthentication).subscriptionCount(subscriptionCount);
    webhookUrls.forEach(builder::webhookUrl);
    LocalApp.Builder template = LocalApp.builder()
        .clientEvents(clientEvents).userAuthentication(userAuthentication).subscriptionCount(subscriptionCount);
    webhookUrls.forEach(template::webhookUrl);
    LocalApp first = template.build();
    extraApps.forEach(spec -> builder.app(AppsFile.fromFlag(spec, first)));
    if (config != null) {
      AppsFile.read(config).forEach(builder::app);
    }
    return builder;
  }

  /** The address to bind. */
  public String host() {
    return host;
  }

  /** The webhook URLs of the default app. */
  public List<String> webhookUrls() {
    return List.copyOf(webhookUrls);
  }

  /** Whether the default app has soketi's default id, key and secret, which clients assume. */
  public boolean defaultCredentials() {
    return appId.equals(LocalApp.DEFAULT_ID) && key.equals(LocalApp.DEFAULT_KEY) && secret.equals(LocalApp.DEFAULT_SECRET);
  }

  @Override
  public String toString() {
    return "ServerOptions[" + host + ":" + port + ", app " + appId + "]";
  }
}
