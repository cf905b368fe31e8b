package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelType;
import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import dev.channels4j.auth.UserData;
import dev.channels4j.spring.boot.ChannelsUserResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.ConversionService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code POST /pusher/auth} and {@code POST /pusher/user-auth}: reads pusher-js's form body
 * ({@code socket_id}, {@code channel_name}), asks the matching {@code @ChannelAuthorization} rule,
 * and answers 200 with the signed JSON, 403 when refused, 400 on bad input. Input is checked before
 * any rule runs; nothing a browser sends leads to a 500.
 */
@Controller
final class ChannelsAuthEndpoints {
  private static final Logger log = LoggerFactory.getLogger(ChannelsAuthEndpoints.class);
  private static final Pattern SOCKET_ID = Pattern.compile("\\d{1,20}\\.\\d{1,20}");
  private static final Pattern CHANNEL = Pattern.compile("[-a-zA-Z0-9_=@,.;]{1,200}");

  private final ChannelsClient client;
  private final ChannelRules rules;
  private final ChannelsUserResolver users;
  private final ConversionService conversion;
  private final ChannelsMetrics metrics;

  ChannelsAuthEndpoints(ChannelsClient client, ChannelRules rules, ChannelsUserResolver users,
      ConversionService conversion, ChannelsMetrics metrics) {
    this.client = client;
    this.rules = rules;
    this.users = users;
    this.conversion = conversion;
    this.metrics = metrics;
  }

  @PostMapping(path = "${channels4j.auth.channel-path:/pusher/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<String> authorizeChannel(HttpServletRequest request) {
    String socketId = request.getParameter("socket_id");
    String channel = request.getParameter("channel_name");
    String problem = checkSocketId(socketId);
    if (problem == null) {
      problem = checkChannel(channel);
    }
    String type = channel == null ? "unknown" : typeOf(channel);
    if (problem != null) {
      return answer(type, HttpStatus.BAD_REQUEST, problem);
    }
    if (!ChannelType.of(channel).requiresAuthorization()) {
      return answer(type, HttpStatus.BAD_REQUEST, "channel " + channel + " is " + type + ": it needs no authorization");
    }
    Principal principal = request.getUserPrincipal();
    ChannelRules.Match match = rules.find(channel);
    if (match == null) {
      return answer(type, HttpStatus.FORBIDDEN, "no @ChannelAuthorization rule matches " + channel);
    }
    ChannelRule.Decision decision;
    try {
      decision = match.rule().decide(principal, socketId, channel, match.values(), conversion);
    } catch (Throwable e) {
      // A rule that throws refuses; the stack trace is the application's to fix, not the browser's.
      log.warn("@ChannelAuthorization rule {} threw; subscription to {} refused", match.rule().description(), channel, e);
      return answer(type, HttpStatus.FORBIDDEN, "refused");
    }
    if (!decision.allowed()) {
      log.debug("subscription to {} refused: {}", channel, decision.reason());
      return answer(type, HttpStatus.FORBIDDEN, "refused");
    }
    try {
      String body = decision.member() != null
          ? CoreApi.authorizePresence(client, socketId, channel, decision.member())
          : CoreApi.authorizeChannel(client, socketId, channel);
      metrics.auth(type, "allowed");
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    } catch (ValidationException e) {
      return answer(type, HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  @PostMapping(path = "${channels4j.auth.user-path:/pusher/user-auth}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<String> authenticateUser(HttpServletRequest request) {
    String socketId = request.getParameter("socket_id");
    String problem = checkSocketId(socketId);
    if (problem != null) {
      return answer("user", HttpStatus.BAD_REQUEST, problem);
    }
    Principal principal = request.getUserPrincipal();
    if (principal == null) {
      return answer("user", HttpStatus.FORBIDDEN, "refused");
    }
    UserData user;
    try {
      user = users.resolve(principal);
    } catch (RuntimeException e) {
      log.warn("ChannelsUserResolver threw; sign-in refused", e);
      return answer("user", HttpStatus.FORBIDDEN, "refused");
    }
    if (user == null) {
      return answer("user", HttpStatus.FORBIDDEN, "refused");
    }
    try {
      String body = CoreApi.authenticateUser(client, socketId, user);
      metrics.auth("user", "allowed");
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    } catch (ValidationException e) {
      return answer("user", HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private ResponseEntity<String> answer(String type, HttpStatus status, String message) {
    metrics.auth(type, status == HttpStatus.FORBIDDEN ? "refused" : "bad_request");
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body("{\"error\":" + quote(message) + "}");
  }

  private static String checkSocketId(String socketId) {
    if (socketId == null || socketId.isEmpty()) {
      return "socket_id is missing";
    }
    return SOCKET_ID.matcher(socketId).matches() ? null : "socket_id is not a socket id like 1234.5678";
  }

  private static String checkChannel(String channel) {
    if (channel == null || channel.isEmpty()) {
      return "channel_name is missing";
    }
    if (!CHANNEL.matcher(channel).matches()) {
      return "channel_name is not a channel name (up to 200 of a-z A-Z 0-9 _ - = @ , . ;)";
    }
    return null;
  }

  /** The channel's type as a metric tag: private, private-encrypted, presence, public... */
  static String typeOf(String channel) {
    return ChannelType.of(channel).name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
