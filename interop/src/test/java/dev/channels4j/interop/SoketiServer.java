package dev.channels4j.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * soketi 1.6.1 from {@code interop/node_modules}, started by {@code interop/scripts/soketi.js} on
 * an ephemeral port of 127.0.0.1, with its default app ({@code app-id}/{@code app-key}/{@code app-secret}).
 */
final class SoketiServer implements PusherServer {
  private final NodeProcess process;
  private final int port;

  private SoketiServer(NodeProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts soketi with client events, user authentication and webhooks to {@code webhookUrl}
   * for channel occupancy and presence membership.
   */
  static SoketiServer start(String webhookUrl) {
    return start(webhookUrl, null, null);
  }

  /**
   * As above, serving HTTPS and WSS with the PEM certificate and key (soketi's SSL_CERT and
   * SSL_KEY settings, {@code ssl.certPath} and {@code ssl.keyPath}); null for plain text.
   */
  static SoketiServer start(String webhookUrl, java.nio.file.Path certificate, java.nio.file.Path key) {
    ObjectNode options = Json.object();
    if (certificate != null) {
      options.put("ssl.certPath", certificate.toAbsolutePath().toString());
      options.put("ssl.keyPath", key.toAbsolutePath().toString());
    }
    options.put("appManager.array.apps.0.enableClientMessages", true);
    // soketi ties "user authentication" to Pusher's separate "authorized connections" feature: a
    // connection that neither signs in nor joins a private/presence channel within
    // userAuthenticationTimeout is closed (4009). Pusher has that off by default; our public-only
    // subscribers would be kicked after soketi's 30 s default, so the timeout is lengthened.
    options.put("appManager.array.apps.0.enableUserAuthentication", true);
    options.put("userAuthenticationTimeout", 600_000);
    ArrayNode webhooks = options.putArray("appManager.array.apps.0.webhooks");
    ObjectNode webhook = webhooks.addObject();
    webhook.put("url", webhookUrl);
    ArrayNode types = webhook.putArray("event_types");
    types.add("channel_occupied").add("channel_vacated").add("member_added").add("member_removed").add("client_event");
    NodeProcess process = NodeProcess.start("soketi", "soketi.js", Json.write(options));
    try {
      JsonNode ready = process.take(Duration.ofSeconds(60));
      if (!ready.path("ready").asBoolean(false) || !ready.path("port").canConvertToInt()) {
        throw new AssertionError("soketi did not report its port: " + ready + process.logTail());
      }
      return new SoketiServer(process, ready.get("port").asInt());
    } catch (RuntimeException | Error e) {
      process.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "soketi 1.6.1";
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String appId() {
    return "app-id";
  }

  @Override
  public String key() {
    return "app-key";
  }

  @Override
  public String secret() {
    return "app-secret";
  }

  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return name();
  }
}
