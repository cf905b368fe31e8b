package dev.channels4j.cli;

import dev.channels4j.local.LocalApp;
import dev.channels4j.local.LocalServer;
import dev.channels4j.local.TlsIdentity;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the local server, with the flags of its standalone jar, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Run a Pusher-compatible local server until interrupted.",
        "HTTP API and WebSocket on one port (HTTPS and WSS with --tls or --tls-cert/--tls-key);",
        "prints the PUSHER_URL to give your app and the other commands."},
    footer = {"", "Examples:", "  ./channels4j serve --client-events --user-auth \\",
        "      --webhook-url http://127.0.0.1:8080/webhooks",
        "  ./channels4j serve --tls                 (HTTPS/WSS, self-signed for localhost and 127.0.0.1)",
        "  ./channels4j serve --tls-cert cert.pem --tls-key key.pem"})
final class ServeCommand implements Callable<Integer> {
  private static final int DEFAULT_CONSOLE_PORT = 6002;
  private final CliContext context;

  @Mixin
  ServerOptions options = new ServerOptions();

  @Option(names = "--tls", description = {"Serve HTTPS and WSS with a new self-signed certificate for localhost and"
      + " 127.0.0.1, written as PEM to --tls-dir (printed at start)."})
  boolean selfSigned;

  @Option(names = "--tls-dir", paramLabel = "DIR", description = "Where --tls writes channels4j-localhost-cert.pem and"
      + " channels4j-localhost-key.pem (default: the current directory).")
  Path tlsDir = Path.of(".");

  @Option(names = "--tls-cert", paramLabel = "FILE",
      description = "Serve HTTPS and WSS with this PEM certificate chain (server certificate first); needs --tls-key.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE",
      description = "The unencrypted PEM private key of --tls-cert (PKCS#8, RSA or EC).")
  Path tlsKey;

  @Option(names = "--console-port", paramLabel = "PORT", description = {"Port of the debug console"
      + " (http://host:PORT/console: live connections, channels, events, webhooks, an event form, faults);",
      "default: 6002, or a free one with --port 0."})
  Integer consolePort;

  @Option(names = "--no-console", description = "Do not serve the debug console.")
  boolean noConsole;

  ServeCommand(CliContext context) {
    this.context = context;
  }

  /** The identity the flags ask for, or null for plain HTTP and WS. */
  private TlsIdentity tls() {
    if (selfSigned && (tlsCert != null || tlsKey != null)) {
      throw new BadInputException("--tls makes its own certificate: give either --tls or --tls-cert with --tls-key");
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new BadInputException(tlsCert == null ? "--tls-key needs --tls-cert (the PEM certificate chain)"
          : "--tls-cert needs --tls-key (the PEM private key)");
    }
    if (tlsCert != null) {
      return TlsIdentity.fromPem(tlsCert, tlsKey);
    }
    return selfSigned ? TlsIdentity.selfSigned() : null;
  }

  @Override
  public Integer call() {
    LocalServer server;
    Path writtenCert = null;
    try {
      LocalServer.Builder builder = options.builder();
      TlsIdentity tls = tls();
      if (tls != null && selfSigned) {
        writtenCert = tlsDir.resolve("channels4j-localhost-cert.pem").toAbsolutePath().normalize();
        try {
          tls.writePem(writtenCert, tlsDir.resolve("channels4j-localhost-key.pem"));
        } catch (java.io.UncheckedIOException e) {
          throw new BadInputException("--tls could not write its certificate to " + tlsDir + ": "
              + e.getCause().getMessage() + "; pick a writable directory with --tls-dir", e);
        }
      }
      builder.tls(tls);
      if (!noConsole) {
        builder.console(consolePort != null ? consolePort : options.port == 0 ? 0 : DEFAULT_CONSOLE_PORT);
      }
      server = builder.build();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    server.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "channels4j-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Style style = Style.of(context);
      if (writtenCert != null) {
        context.err().println("TLS: self-signed certificate for localhost and 127.0.0.1 written to " + writtenCert
            + " (its key beside it); trust it in clients, e.g. NODE_EXTRA_CA_CERTS=" + writtenCert + " for Node.");
      }
      context.out().println("PUSHER_URL=" + server.pusherUrl());
      context.out().println("WebSocket: " + server.webSocketUri());
      server.consoleUri().ifPresent(uri -> context.out().println("Console: " + uri));
      for (LocalApp app : server.apps().subList(1, server.apps().size())) {
        context.out().println("App " + app.id() + ": PUSHER_URL=" + server.pusherUrl(app.id())
            + " WebSocket: " + server.webSocketUri(app.id()));
      }
      context.out().flush();
      String host = options.host();
      List<String> webhookUrls = options.webhookUrls();
      boolean defaults = server.port() == TargetApp.LOCAL_PORT && options.defaultCredentials()
          && (host.equals("127.0.0.1") || host.equals("0.0.0.0"));
      context.err().println(style.green("Local Channels server running") + " on " + host + ":" + server.port()
          + (webhookUrls.isEmpty() ? "" : ", webhooks to " + String.join(", ", webhookUrls)) + ".");
      context.err().println("In another terminal" + (defaults ? "" : " (after: export PUSHER_URL=" + server.pusherUrl() + ")") + ":");
      context.err().println("  " + style.bold("./channels4j listen my-channel"));
      context.err().println("  " + style.bold("./channels4j trigger my-channel --event hello --data '{\"text\":\"hi\"}'"));
      context.err().println(style.dim("Press Ctrl-C to stop."));
      context.err().flush();
      stopped.await();
    } catch (InterruptedException e) {
      // Stopped from within the process (tests): close as Ctrl-C would.
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running already and closes the server.
      }
      server.close();
    }
    return ExitCodes.OK;
  }
}
