package dev.channels4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code channels4j} command: without a subcommand it shows what there is. */
@Command(name = "channels4j", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
    description = {"Publish, query and test Pusher Channels apps, against Pusher or a local server.",
        "New here? Run: ./channels4j demo"},
    subcommands = {
        CommandLine.HelpCommand.class,
        dev.channels4j.cli.demo.DemoCommand.class,
        ServeCommand.class,
        TriggerCommand.class,
        dev.channels4j.cli.batch.BatchCommand.class,
        ChannelsListCommand.class,
        ChannelCommand.class,
        UsersCommand.class,
        TerminateCommand.class,
        AuthCommand.class,
        WebhookCommand.class,
        KeygenCommand.class,
        ListenCommand.class,
    },
    footer = {"",
        "Which app: --url, else $PUSHER_URL, else the local server of ./channels4j serve",
        "(http://app-key:app-secret@127.0.0.1:6001/apps/app-id). Then --app-id, --key,",
        "--secret, --host, --port, --cluster and --[no-]tls override parts of it.",
        "",
        "Exit codes: 0 ok; 1 the service answered with an error or could not be reached;",
        "2 bad usage or bad input."})
final class RootCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  RootCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.err());
    return ExitCodes.BAD_INPUT;
  }

  static String version() {
    try (InputStream in = RootCommand.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"channels4j " + version(), "Java " + System.getProperty("java.version")};
    }
  }
}
