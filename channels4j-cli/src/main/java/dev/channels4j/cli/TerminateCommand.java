package dev.channels4j.cli;

import dev.channels4j.ChannelsClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "terminate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Close every connection signed in as a user (they may reconnect).",
    footer = {"", "Example:", "  ./channels4j terminate user-42"})
final class TerminateCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "<user-id>", description = "The user's id.")
  String userId;

  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  TerminateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (ChannelsClient client = connection.resolve().client()) {
      client.terminateUserConnections(userId);
    }
    if (output.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("ok", true);
      json.put("user_id", userId);
      context.out().println(CliJson.write(json));
    } else {
      context.out().println("Terminated the connections of user " + userId + ".");
    }
    return ExitCodes.OK;
  }
}
