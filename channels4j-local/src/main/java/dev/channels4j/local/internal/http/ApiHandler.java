package dev.channels4j.local.internal.http;

import dev.channels4j.local.Limits;
import dev.channels4j.local.internal.state.AppRegistry;
import dev.channels4j.local.internal.state.AppState;
import dev.channels4j.local.internal.state.Counters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Channels HTTP API under {@code /apps/<id>/...}: routes a request, authenticates its query
 * string, then reads its body without holding a thread ({@link BodyReader}) within the size limit,
 * checks {@code body_md5}, and answers with JSON or with a plain-text error and a real status.
 *
 * <p>Backpressure: a publish ({@code events}, {@code batch_events}) that finds more than
 * {@link Limits#maxQueuedDeliveries()} messages (or {@link Limits#maxQueuedDeliveryBytes()} bytes)
 * waiting to be written to connections that are reading waits (messages of stalled connections do
 * not count: they are bounded apart, see SessionConnection, so a reader that stops never holds a
 * publisher back),
 * rechecking every {@value #RECHECK_MILLIS} ms on the scheduler (no thread is held), until the
 * backlog is under the limit; after {@value #MAX_WAIT_MILLIS} ms it is refused with 429. At most
 * {@value #MAX_WAITING_PUBLISHES} publishes ({@value #MAX_WAITING_BYTES} bytes of bodies) wait at
 * once; one more is refused with 429 at once, so that waiting bodies and rechecks stay bounded.
 */
public final class ApiHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger("dev.channels4j.local.http");
  static final long RECHECK_MILLIS = 2;
  static final long MAX_WAIT_MILLIS = 2000;
  static final int MAX_WAITING_PUBLISHES = 100;
  static final long MAX_WAITING_BYTES = 32L * 1024 * 1024;
  /** Bytes of request bodies being read, all requests together; at least twice the per-request limit. */
  private static final long BODY_BUDGET_BYTES = 64L * 1024 * 1024;

  private final RequestAuthenticator authenticator;
  private final ApiOperations operations;
  private final Limits limits;
  private final Counters counters;
  private final ScheduledExecutorService scheduler;
  private final AtomicLong bodyBudget;
  private final AtomicInteger waitingPublishes = new AtomicInteger();
  private final AtomicLong waitingBytes = new AtomicLong();

  public ApiHandler(AppRegistry apps, Clock clock, Limits limits, Counters counters, ScheduledExecutorService scheduler) {
    super(InvocationType.NON_BLOCKING);
    this.authenticator = new RequestAuthenticator(apps, clock);
    this.operations = new ApiOperations();
    this.limits = limits;
    this.counters = counters;
    this.scheduler = scheduler;
    this.bodyBudget = new AtomicLong(Math.max(BODY_BUDGET_BYTES, 2L * limits.maxRequestBytes()));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Target target;
    try {
      target = target(request);
    } catch (ApiError e) {
      error(request, response, callback, e);
      return true;
    }
    if (target == null) {
      answer(response, callback, 200, "application/json", "{\"ok\":true}");
      return true;
    }
    BodyReader.read(request, limits.maxRequestBytes(), bodyBudget,
        body -> handleBody(request, response, callback, target, body),
        failure -> {
          // The client went away (or sent a broken body): nobody is left to answer.
          LOG.debug("{} {}: request body not received: {}", request.getMethod(), request.getHttpURI().getPath(),
              failure.toString());
          callback.failed(failure);
        },
        () -> error(request, response, callback, ApiError.tooLarge(
            "Request Entity Too Large: the body is larger than the limit of " + limits.maxRequestBytes() + " bytes")),
        () -> error(request, response, callback, new ApiError(503,
            "Service Unavailable: too many request bodies are being received at once; retry shortly")));
    return true;
  }

  private void handleBody(Request request, Response response, Callback callback, Target target, byte[] body) {
    try {
      authenticator.checkBody(target.params, body);
      if (!target.app.app().enabled()) {
        throw new ApiError(403, "App " + target.app.app().id() + " is disabled");
      }
      if (target.route.kind == Kind.EVENTS || target.route.kind == Kind.BATCH) {
        String text = Strict.utf8(body);
        whenRoom(request, response, callback, target, text, System.nanoTime() + MAX_WAIT_MILLIS * 1_000_000, false);
        return;
      }
      answer(response, callback, 200, "application/json", operate(target, null));
    } catch (ApiError e) {
      error(request, response, callback, e);
    } catch (RuntimeException e) {
      internalError(request, response, callback, e);
    }
  }

  /** Publishes once the delivery backlog is under the limit, or refuses with 429 at the deadline. */
  private void whenRoom(Request request, Response response, Callback callback, Target target, String body,
      long deadlineNanos, boolean waited) {
    boolean waiting = false;
    try {
      if (counters.backlogOver(limits)) {
        if (!waited) {
          counters.publishesDelayed.increment();
          startWaiting(body);
        }
        waiting = true;
        if (System.nanoTime() - deadlineNanos >= 0) {
          counters.publishesRefused.increment();
          throw new ApiError(429, "Too Many Requests: " + counters.activeDeliveries() + " messages ("
              + counters.activeDeliveryBytes() + " bytes) are waiting to be written to connections that read (the limits are "
              + limits.maxQueuedDeliveries() + " messages and " + limits.maxQueuedDeliveryBytes()
              + " bytes); publish more slowly or retry");
        }
        scheduler.schedule(() -> whenRoom(request, response, callback, target, body, deadlineNanos, true),
            RECHECK_MILLIS, TimeUnit.MILLISECONDS);
        waiting = false; // still waiting: the recheck owns the slot now
        return;
      }
      waiting = waited;
      answer(response, callback, 200, "application/json", operate(target, body));
    } catch (ApiError e) {
      error(request, response, callback, e);
    } catch (RejectedExecutionException stopped) {
      error(request, response, callback, new ApiError(503, "Service Unavailable: the server is stopping"));
    } catch (RuntimeException e) {
      internalError(request, response, callback, e);
    } finally {
      if (waiting) {
        stopWaiting(body);
      }
    }
  }

  /** Takes a waiting slot for the body, or refuses with 429 when the waiting publishes are at their bound. */
  private void startWaiting(String body) {
    long bytes = body.length();
    int publishes = waitingPublishes.incrementAndGet();
    long held = waitingBytes.addAndGet(bytes);
    if (publishes > MAX_WAITING_PUBLISHES || held > MAX_WAITING_BYTES) {
      waitingPublishes.decrementAndGet();
      waitingBytes.addAndGet(-bytes);
      counters.publishesRefused.increment();
      throw new ApiError(429, "Too Many Requests: " + MAX_WAITING_PUBLISHES + " publishes (or "
          + MAX_WAITING_BYTES + " bytes of them) are already waiting for the delivery backlog to shrink;"
          + " publish more slowly or retry");
    }
  }

  private void stopWaiting(String body) {
    waitingPublishes.decrementAndGet();
    waitingBytes.addAndGet(-body.length());
  }

  private String operate(Target target, String body) {
    return switch (target.route.kind) {
      case EVENTS -> operations.trigger(target.app, body);
      case BATCH -> operations.batch(target.app, body);
      case CHANNELS -> operations.channels(target.app, target.params);
      case CHANNEL -> operations.channel(target.app, target.route.argument, target.params);
      case USERS -> operations.users(target.app, target.route.argument);
      case TERMINATE -> operations.terminate(target.app, target.route.argument);
    };
  }

  private static void error(Request request, Response response, Callback callback, ApiError e) {
    LOG.debug("{} {} -> {} {}", request.getMethod(), request.getHttpURI().getPath(), e.status, e.getMessage());
    answer(response, callback, e.status, "text/plain; charset=utf-8", e.getMessage() + "\n");
  }

  private static void internalError(Request request, Response response, Callback callback, RuntimeException e) {
    LOG.warn("internal error answering {} {}", request.getMethod(), request.getHttpURI().getPath(), e);
    answer(response, callback, 500, "text/plain; charset=utf-8", "Internal server error\n");
  }

  private static void answer(Response response, Callback callback, int status, String contentType, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  private record Target(AppState app, Route route, Map<String, String> params) {}

  /** Routes and authenticates everything but the body; null for the root path's health answer. */
  private Target target(Request request) {
    String rawPath = request.getHttpURI().getPath();
    if (rawPath == null || !rawPath.startsWith("/apps/")) {
      if ("/".equals(rawPath)) {
        return null;
      }
      throw ApiError.notFound("Not found: " + rawPath);
    }
    String rest = rawPath.substring("/apps/".length());
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      throw ApiError.notFound("Not found: " + rawPath);
    }
    String appId = decode(rest.substring(0, slash));
    String tail = rest.substring(slash + 1);
    Route route = Route.match(tail);
    if (route == null) {
      throw ApiError.notFound("Not found: " + rawPath);
    }
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    if (!method.equals(route.method)) {
      throw new ApiError(405, "Method not allowed: " + route.description + " takes " + route.method);
    }
    long declared = request.getLength();
    if (declared > limits.maxRequestBytes()) {
      throw ApiError.tooLarge("Request Entity Too Large: the body is " + declared + " bytes, the limit is "
          + limits.maxRequestBytes());
    }
    Map<String, String> params = params(request);
    AppState app = authenticator.authenticateQuery(appId, method, rawPath, params);
    return new Target(app, route, params);
  }

  /** Query parameters with names lower-cased (the signature is over lower-cased names); first value wins. */
  private static Map<String, String> params(Request request) {
    Fields fields;
    try {
      fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      throw ApiError.badRequest("Malformed query string: " + e.getMessage());
    }
    Map<String, String> params = new HashMap<>();
    for (Fields.Field field : fields) {
      params.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), field.getValue());
    }
    return params;
  }

  /**
   * Percent-decodes one path segment. Jetty's own path decoding drops {@code ;parameters}, but
   * {@code ;} is a legal character of channel names.
   */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    try {
      return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Malformed percent-encoding in " + segment);
    }
  }

  private enum Kind { EVENTS, BATCH, CHANNELS, CHANNEL, USERS, TERMINATE }

  private record Route(Kind kind, String method, String argument, String description) {
    static Route match(String tail) {
      switch (tail) {
        case "events":
          return new Route(Kind.EVENTS, "POST", null, "/events");
        case "batch_events":
          return new Route(Kind.BATCH, "POST", null, "/batch_events");
        case "channels":
          return new Route(Kind.CHANNELS, "GET", null, "/channels");
        default:
          break;
      }
      if (tail.startsWith("channels/")) {
        String name = tail.substring("channels/".length());
        if (name.endsWith("/users")) {
          String channel = name.substring(0, name.length() - "/users".length());
          return channel.isEmpty() || channel.contains("/") ? null
              : new Route(Kind.USERS, "GET", decode(channel), "/channels/<name>/users");
        }
        return name.isEmpty() || name.contains("/") ? null
            : new Route(Kind.CHANNEL, "GET", decode(name), "/channels/<name>");
      }
      if (tail.startsWith("users/") && tail.endsWith("/terminate_connections")) {
        String user = tail.substring("users/".length(), tail.length() - "/terminate_connections".length());
        return user.isEmpty() || user.contains("/") ? null
            : new Route(Kind.TERMINATE, "POST", decode(user), "/users/<id>/terminate_connections");
      }
      return null;
    }
  }
}
