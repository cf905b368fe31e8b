package dev.channels4j.internal.signing;

/**
 * The {@code auth} strings of channel authorization and user authentication:
 * {@code <key>:<hex HMAC-SHA256(secret, string-to-sign)>}.
 *
 * <ul>
 *   <li>private and private-encrypted channels sign {@code socket_id:channel_name};
 *   <li>presence channels sign {@code socket_id:channel_name:channel_data};
 *   <li>user sign-in signs {@code socket_id::user::user_data}.
 * </ul>
 */
public final class AuthSignatures {
  private final String key;
  private final String secret;

  public AuthSignatures(String key, String secret) {
    this.key = key;
    this.secret = secret;
  }

  public String privateChannel(String socketId, String channelName) {
    return sign(socketId + ":" + channelName);
  }

  public String presenceChannel(String socketId, String channelName, String channelData) {
    return sign(socketId + ":" + channelName + ":" + channelData);
  }

  public String user(String socketId, String userData) {
    return sign(socketId + "::user::" + userData);
  }

  private String sign(String stringToSign) {
    return key + ":" + Hashing.hmacSha256Hex(secret, stringToSign);
  }

  @Override
  public String toString() {
    return "AuthSignatures[key=" + key + "]";
  }
}
