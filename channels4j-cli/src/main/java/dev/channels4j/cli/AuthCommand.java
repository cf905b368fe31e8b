package dev.channels4j.cli;

import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code auth private|presence|user}: the exact JSON an app's auth endpoint answers. */
@Command(name = "auth", mixinStandardHelpOptions = true,
    description = "Print the JSON an auth endpoint would return (no network).",
    subcommands = {AuthCommand.Private.class, AuthCommand.Presence.class, AuthCommand.User.class})
final class AuthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "name what to authorize: private, presence or user");
  }

  /** What every auth subcommand takes: the socket id of the connection to sign for, and the app. */
  abstract static class Signing implements Callable<Integer> {
    final CliContext context;

    @Option(names = "--socket-id", required = true, paramLabel = "<id>", description = "The connection's socket id.")
    String socketId;

    @Mixin ConnectionOptions connection;

    Signing(CliContext context) {
      this.context = context;
    }
  }

  @Command(name = "private", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Authorize a subscription to a private- or private-encrypted- channel.",
      footer = {"", "Example:", "  ./channels4j auth private --socket-id 1234.5678 --channel private-orders"})
  static final class Private extends Signing {
    @Option(names = "--channel", required = true, paramLabel = "<name>", description = "The channel.")
    String channel;

    Private(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      TargetApp app = connection.resolve();
      app.requireEncryptionKeyFor(java.util.List.of(channel));
      try (ChannelsClient client = app.client()) {
        context.out().println(client.authorizeChannel(socketId, channel).toJson());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "presence", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Authorize a member joining a presence- channel.",
      footer = {"", "Example:",
          "  ./channels4j auth presence --socket-id 1234.5678 --channel presence-room --user-id 7 --user-info '{\"name\":\"Ada\"}'"})
  static final class Presence extends Signing {
    @Option(names = "--channel", required = true, paramLabel = "<name>", description = "The presence- channel.")
    String channel;

    @Option(names = "--user-id", required = true, paramLabel = "<id>", description = "The member's user id.")
    String userId;

    @Option(names = "--user-info", paramLabel = "<json|@file|->", description = "A JSON object shown to the other members.")
    String userInfo;

    Presence(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      PresenceMember member = userInfo == null
          ? PresenceMember.of(userId)
          : PresenceMember.of(userId, Inputs.jsonObject(context, userInfo, "--user-info"));
      try (ChannelsClient client = connection.resolve().client()) {
        context.out().println(client.authorizePresenceChannel(socketId, channel, member).toJson());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "user", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Sign a connection in as a user (user authentication).",
      footer = {"", "Example:",
          "  ./channels4j auth user --socket-id 1234.5678 --user '{\"id\":\"7\",\"user_info\":{\"name\":\"Ada\"},\"watchlist\":[\"8\"]}'"})
  static final class User extends Signing {
    private static final Set<String> FIELDS = Set.of("id", "user_info", "watchlist");

    @Option(names = "--user", required = true, paramLabel = "<json|@file|->",
        description = "The user: {\"id\":..} with optional user_info (object) and watchlist (array of ids).")
    String user;

    User(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      UserData data = userData(Inputs.jsonObject(context, user, "--user"));
      try (ChannelsClient client = connection.resolve().client()) {
        context.out().println(client.authenticateUser(socketId, data).toJson());
      }
      return ExitCodes.OK;
    }

    @SuppressWarnings("unchecked")
    static UserData userData(Map<String, Object> json) {
      for (String field : json.keySet()) {
        if (!FIELDS.contains(field)) {
          throw new BadInputException("--user has an unknown field \"" + field + "\"; allowed: id, user_info, watchlist");
        }
      }
      if (!(json.get("id") instanceof String id) || id.isEmpty()) {
        throw new BadInputException("--user needs \"id\" as a non-empty string, like {\"id\":\"7\"}");
      }
      UserData data = UserData.of(id);
      Object info = json.get("user_info");
      if (info != null) {
        if (!(info instanceof Map<?, ?>)) {
          throw new BadInputException("--user: \"user_info\" must be a JSON object");
        }
        data = data.info((Map<String, Object>) info);
      }
      Object watchlist = json.get("watchlist");
      if (watchlist != null) {
        if (!(watchlist instanceof List<?> ids) || !ids.stream().allMatch(String.class::isInstance)) {
          throw new BadInputException("--user: \"watchlist\" must be an array of user id strings");
        }
        data = data.watchlist(new ArrayList<>((List<String>) watchlist));
      }
      return data;
    }
  }
}
