package dev.channels4j.cli;

import dev.channels4j.ValidationException;
import dev.channels4j.internal.url.PusherUrl;
import picocli.CommandLine.Option;

/**
 * The options that say which app to talk to. Settings are layered: the local server's defaults,
 * then {@code --url} (or, without it, the {@code PUSHER_URL} environment variable), then each
 * individual flag, so {@code --port 7000} changes only the port of whatever URL is in effect.
 *
 * <pre>{@code
 * // in a command:  @Mixin ConnectionOptions connection;
 * TargetApp app = connection.resolve();
 * }</pre>
 */
public final class ConnectionOptions {
  static final String URL_VARIABLE = "PUSHER_URL";
  static final String MASTER_KEY_VARIABLE = "PUSHER_ENCRYPTION_MASTER_KEY";

  private final CliContext context;

  @Option(names = "--url", paramLabel = "<url>", order = 100,
      description = "The app as http(s)://key:secret@host[:port]/apps/<app-id>. Default: $PUSHER_URL, else the local server (./channels4j serve).")
  String url;

  @Option(names = "--app-id", paramLabel = "<id>", order = 101, description = "The app id (overrides the URL's).")
  String appId;

  @Option(names = "--key", paramLabel = "<key>", order = 102, description = "The app key (overrides the URL's).")
  String key;

  @Option(names = "--secret", paramLabel = "<secret>", order = 103, description = "The app secret (overrides the URL's).")
  String secret;

  @Option(names = "--host", paramLabel = "<host[:port]>", order = 104,
      description = "The API host, e.g. 127.0.0.1 or 127.0.0.1:6001 (instead of --cluster).")
  String host;

  @Option(names = "--port", paramLabel = "<port>", order = 105, description = "The API port.")
  Integer port;

  @Option(names = "--cluster", paramLabel = "<cluster>", order = 106, description = "A Pusher cluster, e.g. eu (instead of --host).")
  String cluster;

  @Option(names = "--tls", negatable = true, order = 107, description = "Use HTTPS and WSS (--no-tls: HTTP and WS).")
  Boolean tls;

  @Option(names = "--encryption-master-key", paramLabel = "<base64>", order = 108,
      description = "The 32-byte base64 key of private-encrypted- channels. Default: $PUSHER_ENCRYPTION_MASTER_KEY.")
  String encryptionMasterKey;

  public ConnectionOptions(CliContext context) {
    this.context = context;
  }

  /** The settings in effect, checked. */
  public TargetApp resolve() {
    String appIdValue = TargetApp.LOCAL_APP_ID;
    String keyValue = TargetApp.LOCAL_KEY;
    String secretValue = TargetApp.LOCAL_SECRET;
    String hostValue = TargetApp.LOCAL_HOST;
    String clusterValue = null;
    Integer portValue = TargetApp.LOCAL_PORT;
    boolean tlsValue = false;

    String source = url != null ? "--url" : URL_VARIABLE;
    String base = url != null ? url : context.variable(URL_VARIABLE);
    if (base != null) {
      PusherUrl parsed = PusherUrl.parse(base, source);
      keyValue = parsed.key();
      secretValue = parsed.secret();
      appIdValue = parsed.appId();
      hostValue = parsed.host();
      tlsValue = parsed.useTls();
      portValue = parsed.port();
    }

    if (appId != null) {
      appIdValue = appId;
    }
    if (key != null) {
      keyValue = key;
    }
    if (secret != null) {
      secretValue = secret;
    }
    if (host != null && cluster != null) {
      throw new BadInputException("give either --host or --cluster, not both");
    }
    if (cluster != null) {
      clusterValue = cluster;
      hostValue = null;
      portValue = null;
      tlsValue = true;
    }
    if (host != null) {
      HostAndPort given = HostAndPort.parse(host);
      hostValue = given.host();
      if (given.port() != null) {
        if (port != null && !port.equals(given.port())) {
          throw new BadInputException("--host " + host + " and --port " + port + " name different ports: give one");
        }
        portValue = given.port();
      }
    }
    if (port != null) {
      portValue = port;
    }
    if (tls != null) {
      tlsValue = tls;
    }
    String masterKey = encryptionMasterKey != null ? encryptionMasterKey : context.variable(MASTER_KEY_VARIABLE);
    // Building the client (TargetApp.client()) checks every setting and names the first wrong one.
    return new TargetApp(appIdValue, keyValue, secretValue, clusterValue, hostValue, portValue, tlsValue, masterKey);
  }

  /** {@code host}, {@code host:port} or {@code [v6]:port}; the port, when given, 1 to 65535. */
  record HostAndPort(String host, Integer port) {
    static HostAndPort parse(String text) {
      int colon = text.lastIndexOf(':');
      boolean bracketed = text.startsWith("[");
      if (colon < 0 || (bracketed && colon < text.indexOf(']')) || (!bracketed && text.indexOf(':') != colon)) {
        return new HostAndPort(text, null); // no port, or a bare IPv6 address
      }
      String digits = text.substring(colon + 1);
      int port;
      try {
        port = Integer.parseInt(digits);
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535 || !digits.chars().allMatch(Character::isDigit)) {
        throw new BadInputException("--host " + text + ": the port after ':' must be a number from 1 to 65535");
      }
      String name = text.substring(0, colon);
      if (name.isEmpty()) {
        throw new BadInputException("--host " + text + ": a host name must come before ':'");
      }
      return new HostAndPort(name, port);
    }
  }
}
