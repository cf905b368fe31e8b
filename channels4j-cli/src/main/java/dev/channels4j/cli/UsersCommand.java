package dev.channels4j.cli;

import dev.channels4j.ChannelsClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "users", mixinStandardHelpOptions = true, sortOptions = false,
    description = "List the ids of the users on a presence channel.",
    footer = {"", "Example:", "  ./channels4j users presence-room"})
final class UsersCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "<channel>", description = "A presence- channel.")
  String channel;

  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  UsersCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<String> users;
    try (ChannelsClient client = connection.resolve().client()) {
      users = client.users(channel);
    }
    if (output.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("channel", channel);
      json.put("users", users);
      context.out().println(CliJson.write(json));
    } else if (users.isEmpty()) {
      context.out().println("No users on " + channel + ".");
    } else {
      users.forEach(context.out()::println);
    }
    return ExitCodes.OK;
  }
}
