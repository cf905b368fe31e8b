package dev.channels4j.auth;

import dev.channels4j.ValidationException;
import dev.channels4j.internal.Errors;
import dev.channels4j.internal.json.JsonObjects;
import java.util.Objects;

/**
 * The answer to a user sign-in request, as
 * {@link dev.channels4j.ChannelsClient#authenticateUser(String, UserData)} returns it. Send
 * {@link #toJson()} as the HTTP response body ({@code application/json}). Immutable.
 *
 * <pre>{@code
 * UserAuthResponse answer = client.authenticateUser(AuthRequest.fromForm(body).socketId(),
 *     UserData.of("7").info(Map.of("name", "Ada")));
 * response.getWriter().write(answer.toJson());
 * }</pre>
 *
 * <p>{@link #toString()} hides the signature, so the value may be logged.
 */
public final class UserAuthResponse {
  private final String auth;
  private final String userData;

  private UserAuthResponse(String auth, String userData) {
    this.auth = auth;
    this.userData = userData;
  }

  /**
   * An answer with the given fields; for tests that need one without a client.
   *
   * @param auth {@code key:signature}
   * @param userData the signed user JSON
   */
  public static UserAuthResponse of(String auth, String userData) {
    if (auth == null || auth.isEmpty()) {
      throw Errors.validation("auth must not be null or empty");
    }
    if (userData == null || userData.isEmpty()) {
      throw Errors.validation("userData must not be null or empty");
    }
    return new UserAuthResponse(auth, userData);
  }

  /** {@code <key>:<signature>}. */
  public String auth() {
    return auth;
  }

  /** The signed user JSON: {@code {"id":..[,"user_info":..][,"watchlist":..]}}. */
  public String userData() {
    return userData;
  }

  /** The HTTP answer: {@code {"auth":..,"user_data":..}}, as pusher-js expects it. */
  public String toJson() {
    return JsonObjects.ofStrings("auth", auth, "user_data", userData);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserAuthResponse other && auth.equals(other.auth) && userData.equals(other.userData);
  }

  @Override
  public int hashCode() {
    return Objects.hash(auth, userData);
  }

  @Override
  public String toString() {
    return "UserAuthResponse[auth=<hidden>]";
  }
}
