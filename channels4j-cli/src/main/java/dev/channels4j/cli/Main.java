package dev.channels4j.cli;

import dev.channels4j.ApiException;
import dev.channels4j.TransportException;
import dev.channels4j.ValidationException;
import dev.channels4j.WebhookVerificationException;
import dev.channels4j.protocol.SocketException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine;

/**
 * The entry point of the {@code channels4j} command. {@link #run(CliContext, String...)} runs one
 * command in-process and returns its exit code ({@link ExitCodes}); {@link #main} exits with it.
 *
 * <pre>{@code
 * int exit = Main.run(CliContext.system(), "trigger", "orders", "--event", "created", "--data", "{}");
 * }</pre>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    configureLogging(args);
    System.exit(run(CliContext.system(), args));
  }

  /**
   * The CLI prints what it has to say itself: library logging is off, except for {@code serve},
   * which shows the local server's INFO lines (start, connections, errors) on standard error, as
   * a server's console does. slf4j-simple reads these properties when each logger is made, so they
   * are set before any is; a {@code -D} given on the command line wins.
   */
  static void configureLogging(String[] args) {
    boolean serve = java.util.Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst()
        .filter("serve"::equals).isPresent();
    setDefault("org.slf4j.simpleLogger.defaultLogLevel", serve ? "warn" : "off");
    setDefault("org.slf4j.simpleLogger.log.dev.channels4j.local", serve ? "info" : "off");
    // The local server's Jetty is relocated: its loggers are named after its new package.
    setDefault("org.slf4j.simpleLogger.log.dev.channels4j.local.internal.jetty", serve ? "warn" : "off");
    setDefault("org.slf4j.simpleLogger.showDateTime", "true");
  }

  private static void setDefault(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** This build's version, e.g. {@code 1.0.0-SNAPSHOT}. */
  public static String version() {
    return RootCommand.version();
  }

  /** Runs one command line and returns its exit code. */
  public static int run(CliContext context, String... args) {
    int exit = commandLine(context).execute(args);
    context.out().flush();
    context.err().flush();
    return exit;
  }

  static CommandLine commandLine(CliContext context) {
    CommandLine commandLine = new CommandLine(new RootCommand(context), new ContextFactory(context));
    // "@file" is ours (--data @file), not picocli's argument files.
    commandLine.setExpandAtFiles(false);
    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(context.interactive() ? Ansi.ON : Ansi.OFF));
    commandLine.setParameterExceptionHandler(Main::usageError);
    boolean debug = context.variable("CHANNELS4J_DEBUG") != null;
    commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
      if (debug) {
        e.printStackTrace(command.getErr());
      }
      return failure(e, command, parsed);
    });
    return commandLine;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    command.getErr().println(name + ": " + oneLine(e.getMessage()) + " (see " + name + " --help)");
    return ExitCodes.BAD_INPUT;
  }

  private static int failure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    String name = command.getCommandSpec().qualifiedName();
    int exit;
    String message;
    if (e instanceof ValidationException || e instanceof BadInputException
        || e instanceof WebhookVerificationException) {
      exit = ExitCodes.BAD_INPUT;
      message = e.getMessage();
    } else if (e instanceof TransportException transport) {
      exit = ExitCodes.SERVICE_ERROR;
      message = transport.getMessage();
      if (transport.kind() == TransportException.Kind.CONNECTION_REFUSED) {
        message += " (is the server running? start one with ./channels4j serve, or point --url or PUSHER_URL at yours)";
      }
    } else if (e instanceof java.io.UncheckedIOException) {
      exit = ExitCodes.SERVICE_ERROR;
      message = e.getMessage();
    } else if (e instanceof SocketException) {
      exit = ExitCodes.SERVICE_ERROR;
      message = e.getMessage();
    } else if (e instanceof ApiException) {
      exit = ExitCodes.SERVICE_ERROR;
      message = e.getMessage();
    } else {
      exit = ExitCodes.SERVICE_ERROR;
      message = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    command.getErr().println(name + ": " + oneLine(message));
    return exit;
  }

  static String oneLine(String message) {
    return message == null ? "failed" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  /** Hands the {@link CliContext} to every command and mixin that takes it in its constructor. */
  private static final class ContextFactory implements CommandLine.IFactory {
    private final CliContext context;

    ContextFactory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      Constructor<K> withContext;
      try {
        withContext = type.getDeclaredConstructor(CliContext.class);
      } catch (NoSuchMethodException none) {
        return CommandLine.defaultFactory().create(type);
      }
      withContext.setAccessible(true);
      try {
        return withContext.newInstance(context);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }
  }
}
