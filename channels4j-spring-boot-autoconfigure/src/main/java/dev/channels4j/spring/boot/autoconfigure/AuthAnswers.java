package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelType;
import dev.channels4j.ChannelsClient;
import dev.channels4j.SocketId;
import dev.channels4j.ValidationException;
import dev.channels4j.auth.UserData;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spring.boot.ChannelsUserResolver;
import java.security.Principal;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.ConversionService;

/**
 * The auth endpoints' logic, apart from any web stack: checks pusher-js's {@code socket_id} and
 * {@code channel_name}, asks the matching {@code @ChannelAuthorization} rule, and answers 200 with
 * the signed JSON, 403 when refused, 400 on bad input. Input is checked before any rule runs;
 * nothing a browser sends leads to a 500. Rules and the user resolver may block: the servlet
 * adapter calls this on the request thread, the WebFlux adapter off the event loop.
 */
final class AuthAnswers {
  private static final Logger log = LoggerFactory.getLogger(AuthAnswers.class);

  private final ChannelsClient client;
  private final ChannelRules rules;
  private final ChannelsUserResolver users;
  private final ConversionService conversion;
  private final ChannelsMetrics metrics;
  private final JsonCodec json;

  AuthAnswers(ChannelsClient client, ChannelRules rules, ChannelsUserResolver users, ConversionService conversion,
      ChannelsMetrics metrics, JsonCodec json) {
    this.client = client;
    this.rules = rules;
    this.users = users;
    this.conversion = conversion;
    this.metrics = metrics;
    this.json = json;
  }

  /** {@code POST /pusher/auth}; principal null when anonymous. */
  JsonAnswer authorizeChannel(String socketId, String channel, Principal principal) {
    String problem = checkSocketId(socketId);
    if (problem == null) {
      problem = checkChannel(channel);
    }
    String type = channel == null ? "unknown" : typeOf(channel);
    if (problem != null) {
      return refuse(type, JsonAnswer.BAD_REQUEST, problem);
    }
    if (!ChannelType.of(channel).requiresAuthorization()) {
      return refuse(type, JsonAnswer.BAD_REQUEST, "channel " + channel + " is " + type + ": it needs no authorization");
    }
    ChannelRules.Match match = rules.find(channel);
    if (match == null) {
      return refuse(type, JsonAnswer.FORBIDDEN, "no @ChannelAuthorization rule matches " + channel);
    }
    ChannelRule.Decision decision;
    try {
      decision = match.rule().decide(principal, socketId, channel, match.values(), conversion);
    } catch (Throwable e) {
      // A rule that throws refuses; the stack trace is the application's to fix, not the browser's.
      log.warn("@ChannelAuthorization rule {} threw; subscription to {} refused", match.rule().description(), channel, e);
      return refuse(type, JsonAnswer.FORBIDDEN, "refused");
    }
    if (!decision.allowed()) {
      log.debug("subscription to {} refused: {}", channel, decision.reason());
      return refuse(type, JsonAnswer.FORBIDDEN, "refused");
    }
    try {
      String body = decision.member() != null
          ? CoreApi.authorizePresence(client, socketId, channel, decision.member())
          : CoreApi.authorizeChannel(client, socketId, channel);
      metrics.auth(type, "allowed");
      return JsonAnswer.ok(body);
    } catch (ValidationException e) {
      return refuse(type, JsonAnswer.BAD_REQUEST, e.getMessage());
    }
  }

  /** {@code POST /pusher/user-auth}; principal null when anonymous. */
  JsonAnswer authenticateUser(String socketId, Principal principal) {
    String problem = checkSocketId(socketId);
    if (problem != null) {
      return refuse("user", JsonAnswer.BAD_REQUEST, problem);
    }
    if (principal == null) {
      return refuse("user", JsonAnswer.FORBIDDEN, "refused");
    }
    UserData user;
    try {
      user = users.resolve(principal);
    } catch (RuntimeException e) {
      log.warn("ChannelsUserResolver threw; sign-in refused", e);
      return refuse("user", JsonAnswer.FORBIDDEN, "refused");
    }
    if (user == null) {
      return refuse("user", JsonAnswer.FORBIDDEN, "refused");
    }
    try {
      String body = CoreApi.authenticateUser(client, socketId, user);
      metrics.auth("user", "allowed");
      return JsonAnswer.ok(body);
    } catch (ValidationException e) {
      return refuse("user", JsonAnswer.BAD_REQUEST, e.getMessage());
    }
  }

  private JsonAnswer refuse(String type, int status, String message) {
    metrics.auth(type, status == JsonAnswer.FORBIDDEN ? "refused" : "bad_request");
    return JsonAnswer.error(json, status, message);
  }

  private static String checkSocketId(String socketId) {
    if (socketId == null || socketId.isEmpty()) {
      return "socket_id is missing";
    }
    return SocketId.isValid(socketId) ? null : "socket_id is not a socket id like 1234.5678";
  }

  private static String checkChannel(String channel) {
    if (channel == null || channel.isEmpty()) {
      return "channel_name is missing";
    }
    if (!ChannelType.isValidName(channel)) {
      return "channel_name is not a channel name (up to " + ChannelType.MAX_NAME_LENGTH
          + " of a-z A-Z 0-9 _ - = @ , . ;)";
    }
    return null;
  }

  /** The channel's type as a metric tag: private, private-encrypted, presence, public... */
  static String typeOf(String channel) {
    return ChannelType.of(channel).name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
