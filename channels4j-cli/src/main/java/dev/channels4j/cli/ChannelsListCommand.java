package dev.channels4j.cli;

import dev.channels4j.ChannelList;
import dev.channels4j.ChannelsClient;
import dev.channels4j.ChannelsQuery;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "channels", mixinStandardHelpOptions = true, sortOptions = false,
    description = "List the occupied channels.",
    footer = {"", "Example:", "  ./channels4j channels --prefix presence- --user-count"})
final class ChannelsListCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--prefix", paramLabel = "<prefix>", description = "Only channels whose names start with this.")
  String prefix;

  @Option(names = "--user-count", description = "Also show each channel's user count (needs --prefix presence-...).")
  boolean userCount;

  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  ChannelsListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ChannelsQuery query = prefix == null ? ChannelsQuery.all() : ChannelsQuery.prefix(prefix);
    if (userCount) {
      if (prefix == null) {
        throw new BadInputException("--user-count needs --prefix presence-... (the API counts users of presence channels only)");
      }
      query = query.withUserCount();
    }
    ChannelList list;
    try (ChannelsClient client = connection.resolve().client()) {
      list = client.channels(query);
    }
    if (output.json) {
      context.out().println(CliJson.write(Map.of("channels", Counts.toMap(list.channels()))));
      return ExitCodes.OK;
    }
    if (list.channels().isEmpty()) {
      context.out().println(prefix == null ? "No occupied channels." : "No occupied channels start with " + prefix + ".");
      return ExitCodes.OK;
    }
    list.channels().forEach((name, counts) -> {
      String described = Counts.describe(counts);
      context.out().println(described.isEmpty() ? name : name + "  " + described);
    });
    return ExitCodes.OK;
  }
}
