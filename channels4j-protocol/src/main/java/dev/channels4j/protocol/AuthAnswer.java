package dev.channels4j.protocol;

import dev.channels4j.protocol.internal.Json;
import java.util.Map;

/**
 * An authorization answer as auth endpoints return it:
 * {@code {"auth":..,"channel_data":..,"shared_secret":..}} for channels,
 * {@code {"auth":..,"user_data":..}} for sign-ins. Absent fields are null.
 *
 * <pre>{@code
 * AuthAnswer answer = AuthAnswer.parse(endpointResponseBody, "private-orders");
 * }</pre>
 *
 * @param auth the signature, {@code key:hex}
 * @param channelData presence member data (JSON text), or null
 * @param sharedSecret base64 key of an encrypted channel, or null
 * @param userData the signed-in user's data (JSON text), or null
 */
public record AuthAnswer(String auth, String channelData, String sharedSecret, String userData) {
  @Override
  public String toString() {
    // The shared secret decrypts the channel: never printed.
    return "AuthAnswer[auth=" + auth + ", channelData=" + channelData + ", sharedSecret="
        + (sharedSecret == null ? "none" : "<hidden>") + ", userData=" + userData + "]";
  }

  /**
   * Reads an answer's JSON text.
   *
   * @param what what was authorized, for the message when the answer is not usable
   * @throws SocketException when the text is not a JSON object with a string {@code auth}
   */
  public static AuthAnswer parse(String json, String what) {
    Map<?, ?> fields = Json.objectOrNull(json);
    if (fields == null || !(fields.get("auth") instanceof String auth)) {
      throw new SocketException("the authorization of " + what + " is not a JSON object with an \"auth\" string", null);
    }
    return new AuthAnswer(auth, text(fields.get("channel_data")), text(fields.get("shared_secret")),
        text(fields.get("user_data")));
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof String s ? s : Json.write(value);
  }
}
