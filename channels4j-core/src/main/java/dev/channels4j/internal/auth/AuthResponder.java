package dev.channels4j.internal.auth;

import dev.channels4j.ChannelType;
import dev.channels4j.ValidationException;
import dev.channels4j.auth.ChannelAuthResponse;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserAuthResponse;
import dev.channels4j.auth.UserData;
import dev.channels4j.internal.Errors;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.internal.signing.AuthSignatures;
import dev.channels4j.internal.validation.Validation;
import dev.channels4j.spi.JsonCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers the browser's authorization requests: signs private, encrypted and presence
 * subscriptions and user sign-ins. The JSON that is signed is exactly the JSON returned.
 *
 * @param signatures signs with the app's key and secret
 * @param codec turns user info into JSON
 * @param encryption the master key's encryption, or {@code null} when none is configured
 */
public record AuthResponder(AuthSignatures signatures, JsonCodec codec, ChannelEncryption encryption) {

  /** {@code {"auth":..}} for a {@code private-} channel, plus {@code shared_secret} when encrypted. */
  public ChannelAuthResponse authorizeChannel(String socketId, String channel) {
    Validation.notNull(socketId, "socketId");
    Validation.notNull(channel, "channel");
    Validation.socketId(socketId);
    Validation.channelName(channel);
    if (ChannelType.of(channel) == ChannelType.PRESENCE) {
      throw Errors.validation(
          "channel \"" + channel + "\" is a presence channel: use authorizePresenceChannel(socketId, channel, member)");
    }
    if (!ChannelType.of(channel).requiresAuthorization()) {
      throw Errors.validation(
          "channel \"" + channel + "\" needs no authorization: only private- and presence- channels are authorized");
    }
    String sharedSecret = Validation.isEncrypted(channel)
        ? ChannelEncryption.required(encryption, channel).sharedSecretBase64(channel)
        : null;
    return ChannelAuthResponse.of(signatures.privateChannel(socketId, channel), null, sharedSecret);
  }

  /** {@code {"auth":..,"channel_data":..}} for a {@code presence-} channel. */
  public ChannelAuthResponse authorizePresenceChannel(String socketId, String channel, PresenceMember member) {
    Validation.notNull(socketId, "socketId");
    Validation.notNull(channel, "channel");
    Validation.notNull(member, "member");
    Validation.socketId(socketId);
    Validation.channelName(channel);
    if (ChannelType.of(channel) != ChannelType.PRESENCE) {
      throw Errors.validation(
          "channel \"" + channel + "\" is not a presence channel (presence-...); use authorizeChannel for private channels");
    }
    Validation.userId(member.userId());
    Map<String, Object> channelData = new LinkedHashMap<>();
    channelData.put("user_id", member.userId());
    if (!member.userInfo().isEmpty()) {
      channelData.put("user_info", member.userInfo());
    }
    String channelDataJson = toJson(channelData, "presence user info");
    return ChannelAuthResponse.of(signatures.presenceChannel(socketId, channel, channelDataJson), channelDataJson, null);
  }

  /** {@code {"auth":..,"user_data":..}} for a user sign-in. */
  public UserAuthResponse authenticateUser(String socketId, UserData user) {
    Validation.notNull(socketId, "socketId");
    Validation.notNull(user, "user");
    Validation.socketId(socketId);
    Validation.userId(user.id());
    Map<String, Object> userData = new LinkedHashMap<>();
    userData.put("id", user.id());
    if (!user.info().isEmpty()) {
      userData.put("user_info", user.info());
    }
    if (!user.watchlist().isEmpty()) {
      if (user.watchlist().size() > Validation.MAX_WATCHLIST_SIZE) {
        throw Errors.validation(
            "a watchlist may hold at most " + Validation.MAX_WATCHLIST_SIZE + " user ids, got " + user.watchlist().size());
      }
      for (String id : user.watchlist()) {
        try {
          Validation.userId(id);
        } catch (ValidationException e) {
          throw Errors.validation("watchlist: " + e.getMessage(), e);
        }
      }
      userData.put("watchlist", user.watchlist());
    }
    // UserData refuses id, user_info and watchlist as extra fields, so these only add.
    userData.putAll(user.extraFields());
    String userDataJson = toJson(userData, "user info");
    return UserAuthResponse.of(signatures.user(socketId, userDataJson), userDataJson);
  }

  private String toJson(Object value, String what) {
    try {
      return codec.toJson(value);
    } catch (IllegalArgumentException e) {
      throw Errors.validation(what + " cannot be serialized as JSON: " + e.getMessage(), e);
    }
  }
}
