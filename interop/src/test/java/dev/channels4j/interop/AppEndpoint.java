package dev.channels4j.interop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import dev.channels4j.auth.AuthRequest;
import dev.channels4j.auth.ChannelAuthResponse;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The application side of the tests, as a web app would serve it: the auth endpoints pusher-js
 * calls ({@code /pusher/auth}, {@code /pusher/user-auth}), answered by our library, and the
 * webhook receiver the server posts to, which only records what arrives.
 *
 * <p>Who is asking is in the endpoint URL each pusher-js client is given
 * ({@code ?user=<id>&name=<display name>}), standing in for a web app's session.
 */
final class AppEndpoint implements AutoCloseable {
  /** A webhook as it arrived: headers and the raw body bytes. */
  record ReceivedWebhook(Map<String, List<String>> headers, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final List<ReceivedWebhook> webhooks = new ArrayList<>();
  private volatile ChannelsClient client;

  private AppEndpoint(HttpServer server) {
    this.server = server;
  }

  static AppEndpoint start() {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the test's app endpoint on 127.0.0.1", e);
    }
    AppEndpoint endpoint = new AppEndpoint(server);
    server.createContext("/pusher/auth", endpoint::channelAuth);
    server.createContext("/pusher/user-auth", endpoint::userAuth);
    server.createContext("/webhook", endpoint::webhook);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return endpoint;
  }

  /** The library instance that answers auth requests; set once the server under test is up. */
  void use(ChannelsClient client) {
    this.client = client;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String webhookUrl() {
    return baseUrl() + "/webhook";
  }

  String channelAuthUrl(String userId, String displayName) {
    return baseUrl() + "/pusher/auth?" + userQuery(userId, displayName);
  }

  String userAuthUrl(String userId, String displayName) {
    return baseUrl() + "/pusher/user-auth?" + userQuery(userId, displayName);
  }

  /** Waits until a webhook satisfying {@code match} has arrived, and returns it. */
  ReceivedWebhook awaitWebhook(Predicate<ReceivedWebhook> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (webhooks) {
      while (true) {
        for (ReceivedWebhook webhook : webhooks) {
          if (match.test(webhook)) {
            return webhook;
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          List<String> bodies = webhooks.stream().map(ReceivedWebhook::bodyText).toList();
          throw new AssertionError("no matching webhook within " + timeout + "; received: " + bodies);
        }
        try {
          webhooks.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void channelAuth(HttpExchange exchange) throws IOException {
    Map<String, String> who = query(exchange);
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    try {
      AuthRequest request = AuthRequest.fromForm(form);
      String channel = request.channelName();
      ChannelAuthResponse answer = channel.startsWith("presence-")
          ? client.authorizePresenceChannel(request.socketId(), channel, PresenceMember.of(who.get("user"), info(who)))
          : client.authorizeChannel(request.socketId(), channel);
      respond(exchange, 200, answer.toJson());
    } catch (ValidationException refused) {
      respond(exchange, 403, "{\"error\":\"" + refused.getMessage().replace("\"", "'") + "\"}");
    }
  }

  private void userAuth(HttpExchange exchange) throws IOException {
    Map<String, String> who = query(exchange);
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    try {
      String socketId = AuthRequest.fromForm(form).socketId();
      respond(exchange, 200, client.authenticateUser(socketId, UserData.of(who.get("user")).info(info(who))).toJson());
    } catch (ValidationException refused) {
      respond(exchange, 403, "{\"error\":\"" + refused.getMessage().replace("\"", "'") + "\"}");
    }
  }

  private void webhook(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    synchronized (webhooks) {
      webhooks.add(new ReceivedWebhook(headers, body));
      webhooks.notifyAll();
    }
    respond(exchange, 200, "{}");
  }

  private static Map<String, Object> info(Map<String, String> who) {
    return Map.of("name", who.getOrDefault("name", ""));
  }

  private static String userQuery(String userId, String displayName) {
    return "user=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
        + "&name=" + URLEncoder.encode(displayName, StandardCharsets.UTF_8);
  }

  private static Map<String, String> query(HttpExchange exchange) {
    String raw = exchange.getRequestURI().getRawQuery();
    return raw == null ? Map.of() : formFields(raw);
  }

  private static Map<String, String> formFields(String form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
