package dev.channels4j.local.internal.http;

import dev.channels4j.local.internal.state.AppRegistry;
import dev.channels4j.local.internal.state.AppState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Channels HTTP API under {@code /apps/<id>/...}: routes a request, reads its body within the
 * size limit, authenticates it, and answers with JSON or with a plain-text error and a real status.
 */
public final class ApiHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger("dev.channels4j.local.http");

  private final RequestAuthenticator authenticator;
  private final ApiOperations operations;
  private final int maxRequestBytes;

  public ApiHandler(AppRegistry apps, Clock clock, int maxRequestBytes) {
    this.authenticator = new RequestAuthenticator(apps, clock);
    this.operations = new ApiOperations();
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status;
    String contentType;
    byte[] body;
    try {
      String json = route(request);
      status = 200;
      contentType = "application/json";
      body = json.getBytes(StandardCharsets.UTF_8);
    } catch (ApiError e) {
      status = e.status;
      contentType = "text/plain; charset=utf-8";
      body = (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
      LOG.debug("{} {} -> {} {}", request.getMethod(), request.getHttpURI().getPath(), status, e.getMessage());
    } catch (RuntimeException | IOException e) {
      LOG.warn("internal error answering {} {}", request.getMethod(), request.getHttpURI().getPath(), e);
      status = 500;
      contentType = "text/plain; charset=utf-8";
      body = "Internal server error\n".getBytes(StandardCharsets.UTF_8);
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  private String route(Request request) throws IOException {
    String rawPath = request.getHttpURI().getPath();
    if (rawPath == null || !rawPath.startsWith("/apps/")) {
      if ("/".equals(rawPath)) {
        return "{\"ok\":true}";
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
    byte[] body = readBody(request);
    Map<String, String> params = params(request);
    AppState app = authenticator.authenticate(appId, method, rawPath, params, body);
    if (!app.app().enabled()) {
      throw new ApiError(403, "App " + appId + " is disabled");
    }
    return switch (route.kind) {
      case EVENTS -> operations.trigger(app, body);
      case BATCH -> operations.batch(app, body);
      case CHANNELS -> operations.channels(app, params);
      case CHANNEL -> operations.channel(app, route.argument, params);
      case USERS -> operations.users(app, route.argument);
      case TERMINATE -> operations.terminate(app, route.argument);
    };
  }

  private byte[] readBody(Request request) throws IOException {
    long declared = request.getLength();
    if (declared > maxRequestBytes) {
      throw ApiError.tooLarge("Request Entity Too Large: the body is " + declared + " bytes, the limit is "
          + maxRequestBytes);
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes(maxRequestBytes + 1);
      if (body.length > maxRequestBytes) {
        throw ApiError.tooLarge("Request Entity Too Large: the body is larger than the limit of "
            + maxRequestBytes + " bytes");
      }
      return body;
    }
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
