package dev.channels4j.cli;

import dev.channels4j.ChannelType;
import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.TriggerResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trigger", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Publish one event on one or more channels.",
        "Up to 100 channels; an encrypted channel must be triggered alone."},
    footer = {"", "Example:", "  ./channels4j trigger orders --event created --data '{\"id\":42}'"})
final class TriggerCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(arity = "1..*", paramLabel = "<channel>", description = "The channels to publish on.")
  List<String> channels;

  @Option(names = {"-e", "--event"}, required = true, paramLabel = "<name>", description = "The event name.")
  String event;

  @Option(names = {"-d", "--data"}, required = true, paramLabel = "<json|@file|->",
      description = "The event data: JSON text, @file to read it from a file, or - for standard input.")
  String data;

  @Option(names = "--socket-id", paramLabel = "<id>", description = "Do not deliver to this connection (usually the sender's).")
  String socketId;

  @Option(names = "--info", split = ",", paramLabel = "<attribute>",
      description = "Attributes to return per channel: user_count, subscription_count.")
  List<String> info;

  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  TriggerCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String payload = Inputs.jsonText(context, data, "--data");
    Event trigger = Event.of(channels, event, payload);
    if (socketId != null) {
      trigger = trigger.excluding(socketId);
    }
    if (info != null) {
      trigger = trigger.withInfo(Inputs.info(info, "--info"));
    }
    TriggerResult result;
    TargetApp app = connection.resolve();
    app.requireEncryptionKeyFor(channels);
    try (ChannelsClient client = app.client()) {
      result = client.trigger(trigger);
    }
    if (output.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("ok", true);
      json.put("event", event);
      json.put("channels", channels);
      if (!result.channels().isEmpty()) {
        json.put("info", Counts.toMap(result.channels()));
      }
      context.out().println(CliJson.write(json));
    } else {
      Style style = Style.of(context);
      boolean encrypted = ChannelType.of(channels.get(0)) == ChannelType.PRIVATE_ENCRYPTED;
      context.out().println(style.green("Triggered") + " " + style.bold(event) + " on " + String.join(", ", channels)
          + (encrypted ? " (encrypted)" : ""));
      result.channels().forEach((channel, counts) ->
          context.out().println("  " + channel + ": " + Counts.describe(counts)));
    }
    return ExitCodes.OK;
  }
}
