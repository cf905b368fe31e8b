package dev.channels4j.cli;

import dev.channels4j.ChannelsClient;
import dev.channels4j.webhook.Webhook;
import dev.channels4j.webhook.WebhookEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code webhook verify|sign}: check a webhook as an app's endpoint would, or sign one for tests. */
@Command(name = "webhook", mixinStandardHelpOptions = true,
    description = "Verify a webhook, or sign a body as Channels would (no network).",
    subcommands = {WebhookCommand.Verify.class, WebhookCommand.Sign.class})
final class WebhookCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "name what to do: verify or sign");
  }

  @Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Verify a webhook body against its X-Pusher-Signature and print its events.",
          "The key and secret are the app's (--key, --secret, --url or PUSHER_URL). Exits 0 when genuine, 2 when not."},
      footer = {"", "Example:", "  ./channels4j webhook verify --signature 5dd6562a... body.json"})
  static final class Verify implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "<file|->", description = "The raw body, exactly as received; - for standard input.")
    String body;

    @Option(names = "--signature", required = true, paramLabel = "<hex>", description = "The X-Pusher-Signature header.")
    String signature;

    @Mixin ConnectionOptions connection;
    @Mixin OutputOptions output;

    Verify(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      byte[] bytes = Inputs.bytes(context, body, "<file>");
      TargetApp app = connection.resolve();
      Webhook webhook;
      try (ChannelsClient client = app.client()) {
        // The X-Pusher-Key header names the app whose secret signed the body: the --key in effect.
        webhook = client.verifyWebhook(app.key(), signature, bytes);
      }
      if (output.json) {
        List<Map<String, Object>> events = new ArrayList<>();
        webhook.events().forEach(event -> events.add(WebhookEvents.toMap(event)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("valid", true);
        json.put("time_ms", webhook.timeMs());
        json.put("events", events);
        context.out().println(CliJson.write(json));
        return ExitCodes.OK;
      }
      Style style = Style.of(context);
      int count = webhook.events().size();
      context.out().println(style.green("Valid webhook") + " created " + webhook.time() + ", "
          + count + (count == 1 ? " event" : " events") + (count == 0 ? "." : ":"));
      for (WebhookEvent event : webhook.events()) {
        context.out().println("  " + WebhookEvents.describe(event));
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Print the headers Channels would send with this webhook body.",
      footer = {"", "Example:", "  ./channels4j webhook sign body.json"})
  static final class Sign implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "<file|->", description = "The body to sign; - for standard input.")
    String body;

    @Mixin ConnectionOptions connection;
    @Mixin OutputOptions output;

    Sign(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      byte[] bytes = Inputs.bytes(context, body, "<file>");
      Map<String, String> headers = new LinkedHashMap<>();
      try (ChannelsClient client = connection.resolve().client()) {
        client.signWebhook(bytes).forEach((name, values) -> headers.put(name, values.get(0)));
      }
      if (output.json) {
        context.out().println(CliJson.write(headers));
      } else {
        headers.forEach((name, value) -> context.out().println(name + ": " + value));
      }
      return ExitCodes.OK;
    }
  }
}
