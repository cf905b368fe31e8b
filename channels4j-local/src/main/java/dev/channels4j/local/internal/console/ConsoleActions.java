package dev.channels4j.local.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.channels4j.internal.socket.CloseCodes;
import dev.channels4j.local.Faults;
import dev.channels4j.local.internal.Json;
import dev.channels4j.local.internal.state.AppRegistry;
import dev.channels4j.local.internal.state.AppState;
import dev.channels4j.local.internal.state.ChannelNames;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.server.Request;

/**
 * The console's actions: publish an event (the Event Creator) and inject or clear faults. Each
 * takes a JSON body of at most {@value #MAX_BODY_BYTES} bytes and answers {@code {"ok":..}} or
 * {@code {"error":..}} with 400.
 */
final class ConsoleActions {
  static final int MAX_BODY_BYTES = 64 * 1024;

  record Result(int status, String json) {
    static Result ok(String message) {
      return new Result(200, Json.write(Json.object().put("ok", message)));
    }

    static Result error(int status, String message) {
      return new Result(status, Json.write(Json.object().put("error", message)));
    }
  }

  private final AppRegistry registry;
  private final Faults faults;
  private final ConsoleLog log;
  private final int maxDataBytes;

  ConsoleActions(AppRegistry registry, Faults faults, ConsoleLog log, int maxDataBytes) {
    this.registry = registry;
    this.faults = faults;
    this.log = log;
    this.maxDataBytes = maxDataBytes;
  }

  Result handle(String path, Request request) {
    JsonNode body;
    try (InputStream in = Request.asInputStream(request)) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        return Result.error(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
      }
      body = Json.parseOrNull(bytes);
    } catch (IOException e) {
      return Result.error(400, "cannot read the body: " + e.getMessage());
    }
    if (body == null || !body.isObject()) {
      return Result.error(400, "the body must be a JSON object");
    }
    try {
      return switch (path) {
        case "/console/api/publish" -> publish(body);
        case "/console/api/faults" -> fault(body);
        default -> Result.error(404, "no action at " + path);
      };
    } catch (IllegalArgumentException | IllegalStateException e) {
      return Result.error(400, e.getMessage());
    }
  }

  private Result publish(JsonNode body) {
    AppState app = app(body);
    String channel = body.path("channel").asText("");
    String event = body.path("event").asText("");
    String data = body.path("data").asText("");
    String problem = ChannelNames.problem(channel, 200);
    if (problem != null) {
      return Result.error(400, problem);
    }
    if (event.isEmpty() || event.length() > 200) {
      return Result.error(400, "event must be 1 to 200 characters");
    }
    if (data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxDataBytes) {
      return Result.error(400, "data is larger than the limit of " + maxDataBytes + " bytes");
    }
    app.publish(List.of(channel), event, data, null);
    return Result.ok("published " + event + " on " + channel);
  }

  private AppState app(JsonNode body) {
    String id = body.path("app").asText("");
    AppState app = id.isEmpty() ? registry.all().iterator().next() : registry.byId(id);
    if (app == null) {
      throw new IllegalArgumentException("no app with id " + id);
    }
    return app;
  }

  private Result fault(JsonNode body) {
    String action = body.path("action").asText("");
    Faults scoped = faults;
    String operation = body.path("operation").asText("");
    if (!operation.isEmpty() && !"ANY".equalsIgnoreCase(operation)) {
      scoped = faults.on(Faults.Operation.valueOf(operation.toUpperCase(Locale.ROOT)));
    }
    int count = body.path("count").asInt(1);
    String done;
    switch (action) {
      case "respond" -> {
        int status = body.path("status").asInt(503);
        long seconds = body.path("retryAfterSeconds").asLong(-1);
        scoped.next(count).respond(status, seconds < 0 ? null : Duration.ofSeconds(seconds));
        done = "next " + count + " request(s) answer " + status;
      }
      case "delay" -> {
        long millis = body.path("delayMillis").asLong(3000);
        scoped.next(count).delay(Duration.ofMillis(millis));
        done = "next " + count + " request(s) answered " + millis + " ms late";
      }
      case "disconnect" -> {
        scoped.next(count).disconnect();
        done = "next " + count + " request(s) disconnected";
      }
      case "clear" -> {
        faults.clear();
        done = "faults cleared";
      }
      case "drop" -> {
        int code = body.path("code").asInt(CloseCodes.RECONNECT);
        String socketId = body.path("socketId").asText("");
        int dropped = socketId.isEmpty() ? faults.dropConnections(code) : faults.dropConnection(socketId, code) ? 1 : 0;
        done = "dropped " + dropped + " connection(s) with " + code;
      }
      default -> {
        return Result.error(400, "action must be respond, delay, disconnect, clear or drop; got " + action);
      }
    }
    log.note(done);
    return Result.ok(done);
  }
}
