package dev.channels4j.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * pusher-js 8.6.0 connections, driven through {@code interop/scripts/pusher-js-driver.js}. One
 * Node process holds any number of named clients; everything they observe is kept in order, so a
 * test can wait for one observation and later ask for all of them.
 */
final class PusherJs implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final NodeProcess process;
  private final List<JsonNode> seen = new ArrayList<>();

  private PusherJs(NodeProcess process) {
    this.process = process;
  }

  static PusherJs start() {
    return start(java.util.Map.of());
  }

  /** A driver whose Node also trusts the PEM certificates in the file (for {@code wss://} to a test server). */
  static PusherJs trusting(java.nio.file.Path caCertificates) {
    return start(java.util.Map.of("NODE_EXTRA_CA_CERTS", caCertificates.toAbsolutePath().toString()));
  }

  private static PusherJs start(java.util.Map<String, String> environment) {
    NodeProcess process = NodeProcess.start("pusher-js", "pusher-js-driver.js", environment);
    try {
      JsonNode ready = process.take(Duration.ofSeconds(30));
      if (!"ready".equals(ready.path("type").asText())) {
        throw new AssertionError("pusher-js driver did not start: " + ready + process.logTail());
      }
      return new PusherJs(process);
    } catch (RuntimeException | Error e) {
      process.close();
      throw e;
    }
  }

  /**
   * Connects a client as {@code userId} (the identity its auth requests carry) and returns its
   * socket id once connected.
   */
  String connect(String client, PusherServer server, AppEndpoint app, String userId, String displayName) {
    ObjectNode command = command("connect", client)
        .put("key", server.key())
        .put("host", "127.0.0.1")
        .put("port", server.port())
        .put("authEndpoint", app.channelAuthUrl(userId, displayName))
        .put("userAuthEndpoint", app.userAuthUrl(userId, displayName));
    process.send(command);
    return await(client, line -> "state".equals(type(line)) && "connected".equals(line.path("current").asText()))
        .get("socketId").asText();
  }

  /** Connects a client over {@code wss://} (public channels only: no auth endpoint); returns its socket id. */
  String connectTls(String client, PusherServer server) {
    ObjectNode command = command("connect", client)
        .put("key", server.key())
        .put("host", "127.0.0.1")
        .put("port", server.port())
        .put("tls", true)
        .put("authEndpoint", "http://127.0.0.1:9/unused")
        .put("userAuthEndpoint", "http://127.0.0.1:9/unused");
    process.send(command);
    return await(client, line -> "state".equals(type(line)) && "connected".equals(line.path("current").asText()))
        .get("socketId").asText();
  }

  /** Subscribes and waits for pusher-js to report success; returns that report. */
  JsonNode subscribe(String client, String channel) {
    process.send(command("subscribe", client).put("channel", channel));
    JsonNode outcome = await(client, line -> channel.equals(line.path("channel").asText())
        && ("subscribed".equals(type(line)) || "subscription_error".equals(type(line))));
    if (!"subscribed".equals(type(outcome))) {
      throw new AssertionError(client + " could not subscribe to " + channel + ": " + outcome);
    }
    return outcome;
  }

  /** Signs in and waits until the server-to-user channel is subscribed, so sendToUser reaches it. */
  JsonNode signIn(String client) {
    process.send(command("signin", client));
    JsonNode signedIn = await(client, line -> "signed_in".equals(type(line)) || "signin_error".equals(type(line)));
    if (!"signed_in".equals(type(signedIn))) {
      throw new AssertionError(client + " could not sign in: " + signedIn);
    }
    await(client, line -> "user_ready".equals(type(line)));
    return signedIn;
  }

  /**
   * Signs in and waits only for {@code pusher:signin_success}, not for the user's own channel:
   * for servers that accept the sign-in but refuse that channel's name (soketi, for a user id
   * outside the channel-name alphabet).
   */
  JsonNode signInOnly(String client) {
    process.send(command("signin", client));
    JsonNode signedIn = await(client, line -> "signed_in".equals(type(line)) || "signin_error".equals(type(line)));
    if (!"signed_in".equals(type(signedIn))) {
      throw new AssertionError(client + " could not sign in: " + signedIn);
    }
    return signedIn;
  }

  /** Sends a client event on a channel the client is subscribed to. */
  void triggerClientEvent(String client, String channel, String event, JsonNode data) {
    ObjectNode command = command("trigger", client).put("channel", channel).put("event", event);
    command.set("data", data);
    process.send(command);
  }

  void disconnect(String client) {
    process.send(command("disconnect", client));
  }

  /** Waits for the first observation of {@code client} that matches, seen before or arriving later. */
  JsonNode await(String client, Predicate<JsonNode> match) {
    return await(line -> client.equals(line.path("client").asText()) && match.test(line), TIMEOUT);
  }

  /** Waits for the first observation that matches, seen before or arriving within {@code timeout}. */
  synchronized JsonNode await(Predicate<JsonNode> match, Duration timeout) {
    for (JsonNode line : seen) {
      if (match.test(line)) {
        return line;
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("pusher-js did not report the expected observation within " + timeout
            + "; it reported:\n" + String.join("\n", seen.stream().map(Json::write).toList()) + process.logTail());
      }
      JsonNode line = record(process.take(Duration.ofNanos(left)));
      if (match.test(line)) {
        return line;
      }
    }
  }

  /** Every observation of {@code client} so far that matches, in order. */
  synchronized List<JsonNode> observed(String client, Predicate<JsonNode> match) {
    for (JsonNode line = process.poll(); line != null; line = process.poll()) {
      record(line);
    }
    return seen.stream().filter(line -> client.equals(line.path("client").asText()) && match.test(line)).toList();
  }

  static String type(JsonNode line) {
    return line.path("type").asText();
  }

  @Override
  public void close() {
    process.close();
  }

  private JsonNode record(JsonNode line) {
    if ("error".equals(type(line))) {
      throw new AssertionError("the pusher-js driver could not run a command: " + line + process.logTail());
    }
    seen.add(line);
    return line;
  }

  private static ObjectNode command(String op, String client) {
    return Json.object().put("op", op).put("client", client);
  }
}
