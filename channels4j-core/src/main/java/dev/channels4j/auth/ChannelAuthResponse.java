package dev.channels4j.auth;

import dev.channels4j.ValidationException;
import dev.channels4j.internal.Errors;
import dev.channels4j.internal.json.JsonObjects;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a browser's request to subscribe to a private, encrypted or presence channel, as
 * {@link dev.channels4j.ChannelsClient#authorizeChannel(String, String)} and
 * {@link dev.channels4j.ChannelsClient#authorizePresenceChannel(String, String, PresenceMember)}
 * return it. Send {@link #toJson()} as the HTTP response body ({@code application/json}).
 * Immutable.
 *
 * <pre>{@code
 * AuthRequest request = AuthRequest.fromForm(body);
 * ChannelAuthResponse answer = client.authorizeChannel(request.socketId(), request.channelName());
 * return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer.toJson());
 * }</pre>
 *
 * <p>{@link #toString()} hides the signature and the shared secret, so the value may be logged.
 */
public final class ChannelAuthResponse {
  private final String auth;
  private final String channelData;
  private final String sharedSecret;

  private ChannelAuthResponse(String auth, String channelData, String sharedSecret) {
    this.auth = auth;
    this.channelData = channelData;
    this.sharedSecret = sharedSecret;
  }

  /**
   * An answer with the given fields; for tests that need one without a client.
   *
   * @param auth {@code key:signature}
   * @param channelData the presence member's JSON, or {@code null} for a private channel
   * @param sharedSecret the encrypted channel's key in base64, or {@code null}
   */
  public static ChannelAuthResponse of(String auth, String channelData, String sharedSecret) {
    if (auth == null || auth.isEmpty()) {
      throw Errors.validation("auth must not be null or empty");
    }
    return new ChannelAuthResponse(auth, channelData, sharedSecret);
  }

  /** {@code <key>:<signature>}. */
  public String auth() {
    return auth;
  }

  /** The signed member JSON of a presence channel; empty for other channels. */
  public Optional<String> channelData() {
    return Optional.ofNullable(channelData);
  }

  /** The channel's end-to-end key, base64, for a {@code private-encrypted-} channel; else empty. */
  public Optional<String> sharedSecret() {
    return Optional.ofNullable(sharedSecret);
  }

  /**
   * The HTTP answer: {@code {"auth":..}}, plus {@code channel_data} (presence) or
   * {@code shared_secret} (encrypted), as pusher-js expects it.
   */
  public String toJson() {
    return JsonObjects.ofStrings("auth", auth, "channel_data", channelData, "shared_secret", sharedSecret);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelAuthResponse other
        && auth.equals(other.auth)
        && Objects.equals(channelData, other.channelData)
        && Objects.equals(sharedSecret, other.sharedSecret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(auth, channelData, sharedSecret);
  }

  @Override
  public String toString() {
    return "ChannelAuthResponse[auth=<hidden>"
        + (channelData == null ? "" : ", channelData=present")
        + (sharedSecret == null ? "" : ", sharedSecret=<hidden>") + "]";
  }
}
