package dev.channels4j.auth;

import dev.channels4j.ValidationException;
import dev.channels4j.internal.Errors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What a browser posts to your authorization or sign-in endpoint: the form body
 * {@code socket_id=..&channel_name=..} (sign-in sends only {@code socket_id}). Immutable.
 *
 * <pre>{@code
 * AuthRequest request = AuthRequest.fromForm(body);
 * String json = client.authorizeChannel(request.socketId(), request.channelName()).toJson();
 * String signIn = client.authenticateUser(request.socketId(), UserData.of(currentUser.id())).toJson();
 * }</pre>
 *
 * <p>The values are checked by the operation they are passed to, which names any problem.
 */
public final class AuthRequest {
  private final String socketId;
  private final String channelName;

  private AuthRequest(String socketId, String channelName) {
    this.socketId = socketId;
    this.channelName = channelName;
  }

  /**
   * Reads a form-encoded body. The first occurrence of a field wins; unknown fields are ignored.
   *
   * @throws ValidationException when the body is null, not form-encoded, or has no {@code socket_id}
   */
  public static AuthRequest fromForm(String formBody) {
    if (formBody == null) {
      throw Errors.validation("formBody must not be null");
    }
    Map<String, String> fields = new HashMap<>();
    for (String pair : formBody.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        fields.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw Errors.validation("authorization request body is not form-encoded: " + e.getMessage(), e);
      }
    }
    String socketId = fields.get("socket_id");
    if (socketId == null || socketId.isEmpty()) {
      throw Errors.validation("socket_id is missing from the authorization request body");
    }
    String channelName = fields.get("channel_name");
    return new AuthRequest(socketId, channelName == null || channelName.isEmpty() ? null : channelName);
  }

  /** The {@code socket_id} field. */
  public String socketId() {
    return socketId;
  }

  /**
   * The {@code channel_name} field.
   *
   * @throws ValidationException when the body had none (a sign-in request has none)
   */
  public String channelName() {
    if (channelName == null) {
      throw Errors.validation("channel_name is missing from the authorization request body");
    }
    return channelName;
  }

  @Override
  public String toString() {
    return "AuthRequest[socketId=" + socketId + ", channelName=" + channelName + "]";
  }
}
