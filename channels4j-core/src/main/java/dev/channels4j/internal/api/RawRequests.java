package dev.channels4j.internal.api;

import dev.channels4j.RequestEvent.Operation;
import dev.channels4j.ValidationException;
import dev.channels4j.internal.Errors;
import dev.channels4j.internal.validation.PathSegments;
import dev.channels4j.internal.validation.Validation;
import dev.channels4j.spi.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the requests of the signed escape hatch ({@code client.get(path, query)},
 * {@code client.post(path, body)}): checks the path and the parameters, so that what is signed is
 * exactly what is sent, and encodes the body once.
 */
public final class RawRequests {
  /** The parameters the signature itself uses: a caller's value would be overwritten or forge it. */
  static final Set<String> RESERVED = Set.of("auth_key", "auth_timestamp", "auth_version", "auth_signature", "body_md5");

  private static final Pattern PARAMETER_NAME = Pattern.compile("[a-z0-9_.-]+");

  private final String appPath;
  private final JsonCodec codec;

  public RawRequests(ClientSettings settings) {
    this.appPath = "/apps/" + settings.appId();
    this.codec = settings.codec();
  }

  /** {@code GET <app path><path>?<query>}. */
  public ApiRequest get(String path, Map<String, String> query) {
    checkPath(path);
    if (query == null) {
      throw Errors.validation("query must not be null; use Map.of() for none");
    }
    Map<String, String> params = new LinkedHashMap<>();
    query.forEach((name, value) -> {
      checkParameter(name, value);
      params.put(name, value);
    });
    return ApiRequest.get(Operation.RAW_GET, appPath + path, params);
  }

  /** {@code POST <app path><path>} with the body as JSON. */
  public ApiRequest post(String path, Object body) {
    checkPath(path);
    if (body == null) {
      throw Errors.validation("body must not be null; send \"{}\" for an empty JSON object");
    }
    byte[] bytes;
    if (body instanceof String text) {
      bytes = text.getBytes(StandardCharsets.UTF_8);
    } else if (body instanceof byte[] raw) {
      bytes = raw.clone();
    } else {
      try {
        bytes = codec.toJson(body).getBytes(StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw Errors.validation("body cannot be serialized as JSON: " + e.getMessage(), e);
      }
    }
    return ApiRequest.post(Operation.RAW_POST, appPath + path, bytes);
  }

  /**
   * The path is signed as sent, so it must reach the server unchanged: no query or fragment of its
   * own, nothing an HTTP stack would re-encode, no dot segments it would normalize.
   */
  static void checkPath(String path) {
    if (path == null) {
      throw Errors.validation("path must not be null; e.g. \"/channels\"");
    }
    if (!path.startsWith("/")) {
      throw Errors.validation(
          "path \"" + shorten(path) + "\" must start with / (it is relative to /apps/<app-id>, e.g. \"/channels\")");
    }
    if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
      throw Errors.validation(
          "path \"" + shorten(path) + "\" must not contain ? or #: pass query parameters in the query map");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%') {
        if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
            || Character.digit(path.charAt(i + 2), 16) < 0) {
          throw Errors.validation(
              "path \"" + shorten(path) + "\" has a % that does not start a percent-encoded byte (%XX)");
        }
      } else if (!isPathCharacter(c)) {
        throw Errors.validation(
            "path \"" + shorten(path) + "\" contains '" + c + "' (at " + i
                + "): percent-encode it, the path is signed and sent exactly as given");
      }
    }
    if (PathSegments.hasDotSegment(path)) {
      throw Errors.validation("path \"" + shorten(path) + "\" has a segment a server would read as . or .."
          + " (%2e is ., ;parameters are dropped, %252e is decoded twice by some stacks): it could leave"
          + " /apps/<app-id>");
    }
  }

  /**
   * A query parameter of the caller's: a lower-case name the signature does not use itself, a
   * non-null value.
   */
  public static void checkParameter(String name, String value) {
    if (name == null || name.isEmpty()) {
      throw Errors.validation("query parameter names must not be null or empty");
    }
    if (value == null) {
      throw Errors.validation("query parameter " + name + " has a null value");
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw Errors.validation(
          "query parameter " + name + " is set by the request signature itself; remove it");
    }
    if (!PARAMETER_NAME.matcher(name).matches()) {
      // Pusher signs lower-cased names, soketi signs names as sent: only lower case works on both.
      // Names go on the wire as they are, so nothing that needs encoding either.
      throw Errors.validation("query parameter name \"" + shorten(name)
          + "\" may only contain a-z 0-9 _ . - (lower case, as every Channels API parameter is)");
    }
    // UTF-8 cannot encode a lone surrogate: it would be signed and sent as "?".
    Validation.wellFormed(value, "query parameter " + name + "'s value");
  }

  /** RFC 3986 pchar (without pct-encoded) and the segment separator. */
  private static boolean isPathCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
