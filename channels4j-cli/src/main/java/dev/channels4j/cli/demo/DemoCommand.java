package dev.channels4j.cli.demo;

import dev.channels4j.ChannelsClient;
import dev.channels4j.cli.CliContext;
import dev.channels4j.cli.TargetApp;
import dev.channels4j.cli.ExitCodes;
import dev.channels4j.cli.Style;
import dev.channels4j.local.LocalServer;
import dev.channels4j.protocol.Authorizer;
import dev.channels4j.protocol.Subscriber;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code demo}: the whole of Channels, end to end, in a few seconds, with nothing to set up.
 *
 * <pre>{@code
 * ./channels4j demo   # exit 0 when every step round-tripped
 * }</pre>
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
        "Walk through every feature end to end, on a local server started in-process.",
        "Triggers, batches, excluded sockets, private, presence and encrypted channels, user sign-in, queries and webhooks; exits 0 only when every step was received as expected."})
public final class DemoCommand implements Callable<Integer> {
  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final String APP_ID = "demo-app";
  private static final String KEY = "demo-key";
  private static final String SECRET = "demo-secret";

  private final CliContext context;

  public DemoCommand(CliContext context) {
    this.context = context;
  }

  /** The local server the demo runs in-process, on a free port, posting webhooks to the demo's endpoint. */
  private static LocalServer startServer(URI webhookUrl) {
    return LocalServer.builder()
        .host("127.0.0.1").port(0)
        .appId(APP_ID).key(KEY).secret(SECRET)
        .clientEvents(true).userAuthentication(true)
        .webhookUrl(webhookUrl)
        .build()
        .start();
  }

  @Override
  public Integer call() {
    PrintWriter out = context.out();
    Style style = Style.of(context);
    long start = System.nanoTime();
    out.println(style.bold("channels4j demo") + ": publish, subscribe, authorize and verify, on this machine.");
    out.println();
    List<Demo.StepResult> results;
    try (WebhookReceiver webhooks = WebhookReceiver.start();
        LocalServer server = startServer(webhooks.url())) {
      TargetApp app = new TargetApp(APP_ID, KEY, SECRET, null, "127.0.0.1",
          server.port(), false, newMasterKey());
      try (ChannelsClient client = app.client()) {
        webhooks.verifyWith(client);
        String version = dev.channels4j.cli.Main.version();
        URI socketUri = app.webSocketUri("channels4j-cli", version);
        try (Subscriber alice = Subscriber.connect(socketUri, Authorizer.of(client), CONNECT, message -> {});
            Subscriber bob = Subscriber.connect(socketUri, Authorizer.of(client), CONNECT, message -> {})) {
          row(out, style, "Local server", app.apiBase() + " (app " + app.appId() + ", in this process)");
          row(out, style, "Your webhooks", webhooks.url() + " (signatures checked)");
          row(out, style, "Subscribers", "alice and bob, two WebSocket connections");
          row(out, style, "Encryption key", "a fresh random master key (as ./channels4j keygen makes)");
          results = new Demo(client, app.key(), alice, bob, webhooks, out, style).run();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo's webhook endpoint: " + e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.println();
    printTable(out, style, results);
    out.println();
    long failed = results.stream().filter(result -> !result.ok()).count();
    if (failed == 0) {
      out.println(style.green(style.bold(String.format("All %d steps round-tripped in %.1f s.", results.size(), seconds))));
      out.println();
      out.println("Next: run " + style.bold("./channels4j serve") + ", then in other terminals:");
      out.println("        " + style.bold("./channels4j listen my-channel"));
      out.println("        " + style.bold("./channels4j trigger my-channel --event hello --data '{\"text\":\"hi\"}'"));
      out.println("      " + style.bold("./channels4j --help") + " lists every command.");
    } else {
      out.println(style.red(style.bold(failed + " of " + results.size() + " steps did not round-trip")) + " (see the !! lines above).");
    }
    out.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.SERVICE_ERROR;
  }

  private static void row(PrintWriter out, Style style, String label, String value) {
    out.println("  " + style.dim(String.format("%-15s", label)) + " " + value);
  }

  static void printTable(PrintWriter out, Style style, List<Demo.StepResult> results) {
    int titleWidth = "Step".length();
    int sentWidth = "Sent".length();
    int receivedWidth = "Received".length();
    for (Demo.StepResult result : results) {
      titleWidth = Math.max(titleWidth, result.title().length());
      sentWidth = Math.max(sentWidth, result.sent().length());
      receivedWidth = Math.max(receivedWidth, result.received().length());
    }
    String format = "  %-3s %-" + titleWidth + "s  %-" + sentWidth + "s  %-" + receivedWidth + "s  %s";
    out.println(style.bold(String.format(format, "#", "Step", "Sent", "Received", "OK")));
    out.println("  " + "-".repeat(3 + 1 + titleWidth + 2 + sentWidth + 2 + receivedWidth + 2 + 4));
    for (int i = 0; i < results.size(); i++) {
      Demo.StepResult result = results.get(i);
      String ok = result.ok() ? style.green("yes") : style.red("NO");
      out.println(String.format(format, i + 1, result.title(), result.sent(), result.received(), ok));
    }
  }

  private static String newMasterKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
