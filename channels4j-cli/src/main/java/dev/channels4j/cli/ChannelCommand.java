package dev.channels4j.cli;

import dev.channels4j.ChannelInfo;
import dev.channels4j.ChannelsClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "channel", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Show whether a channel is occupied, and its counts.",
    footer = {"", "Example:", "  ./channels4j channel presence-room --info user_count"})
final class ChannelCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "<name>", description = "The channel.")
  String name;

  @Option(names = "--info", split = ",", paramLabel = "<attribute>",
      description = "Attributes to show: user_count (presence), subscription_count, cache.")
  List<String> info;

  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  ChannelCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ChannelInfo channel;
    try (ChannelsClient client = connection.resolve().client()) {
      channel = client.channel(name, Inputs.info(info, "--info"));
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    channel.userCount().ifPresent(n -> fields.put("user_count", n));
    channel.subscriptionCount().ifPresent(n -> fields.put("subscription_count", n));
    channel.cache().ifPresent(cache -> {
      Map<String, Object> cached = new LinkedHashMap<>();
      cached.put("data", cache.data());
      cached.put("ttl", cache.ttlSeconds());
      fields.put("cache", cached);
    });
    if (output.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("name", channel.name());
      json.put("occupied", channel.occupied());
      json.putAll(fields);
      context.out().println(CliJson.write(json));
      return ExitCodes.OK;
    }
    List<String> parts = new ArrayList<>();
    parts.add(channel.occupied() ? "occupied" : "not occupied");
    fields.forEach((key, value) -> parts.add(key + "=" + value));
    context.out().println(channel.name() + ": " + String.join(", ", parts));
    return ExitCodes.OK;
  }
}
