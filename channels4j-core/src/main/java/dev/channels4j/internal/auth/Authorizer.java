package dev.channels4j.internal.auth;

import dev.channels4j.ChannelType;
import dev.channels4j.ValidationException;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.internal.signing.AuthSignatures;
import dev.channels4j.internal.validation.Validation;
import dev.channels4j.spi.JsonCodec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers the browser's authorization requests: signs private, encrypted and presence
 * subscriptions and user sign-ins. The JSON that is signed is exactly the JSON returned.
 */
public final class Authorizer {
  private final AuthSignatures signatures;
  private final JsonCodec codec;
  private final ChannelEncryption encryption;

  public Authorizer(AuthSignatures signatures, JsonCodec codec, ChannelEncryption encryption) {
    this.signatures = signatures;
    this.codec = codec;
    this.encryption = encryption;
  }

  /** {@code {"auth":..}} for a {@code private-} channel, plus {@code shared_secret} when encrypted. */
  public String authorizeChannel(String socketId, String channel) {
    Validation.socketId(socketId);
    Validation.channelName(channel);
    if (ChannelType.of(channel) == ChannelType.PRESENCE) {
      throw new ValidationException(
          "channel \"" + channel + "\" is a presence channel: use authorizePresenceChannel(socketId, channel, member)");
    }
    if (!ChannelType.of(channel).requiresAuthorization()) {
      throw new ValidationException(
          "channel \"" + channel + "\" needs no authorization: only private- and presence- channels are authorized");
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("auth", signatures.privateChannel(socketId, channel));
    if (Validation.isEncrypted(channel)) {
      response.put("shared_secret", requireEncryption(channel).sharedSecretBase64(channel));
    }
    return codec.toJson(response);
  }

  /** {@code {"auth":..,"channel_data":..}} for a {@code presence-} channel. */
  public String authorizePresenceChannel(String socketId, String channel, PresenceMember member) {
    Validation.socketId(socketId);
    Validation.channelName(channel);
    if (ChannelType.of(channel) != ChannelType.PRESENCE) {
      throw new ValidationException(
          "channel \"" + channel + "\" is not a presence channel (presence-...); use authorizeChannel for private channels");
    }
    if (member == null) {
      throw new ValidationException("presence member must not be null");
    }
    Validation.userId(member.userId());
    Map<String, Object> channelData = new LinkedHashMap<>();
    channelData.put("user_id", member.userId());
    if (!member.userInfo().isEmpty()) {
      channelData.put("user_info", member.userInfo());
    }
    String channelDataJson = toJson(channelData, "presence user info");
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("auth", signatures.presenceChannel(socketId, channel, channelDataJson));
    response.put("channel_data", channelDataJson);
    return codec.toJson(response);
  }

  /** {@code {"auth":..,"user_data":..}} for a user sign-in. */
  public String authenticateUser(String socketId, UserData user) {
    Validation.socketId(socketId);
    if (user == null) {
      throw new ValidationException("user data must not be null");
    }
    Validation.userId(user.id());
    Map<String, Object> userData = new LinkedHashMap<>();
    userData.put("id", user.id());
    if (user.info() != null) {
      userData.put("user_info", user.info());
    }
    if (user.watchlist() != null) {
      if (user.watchlist().size() > Validation.MAX_WATCHLIST_SIZE) {
        throw new ValidationException(
            "a watchlist may hold at most " + Validation.MAX_WATCHLIST_SIZE + " user ids, got " + user.watchlist().size());
      }
      for (String id : user.watchlist()) {
        try {
          Validation.userId(id);
        } catch (ValidationException e) {
          throw new ValidationException("watchlist: " + e.getMessage(), e);
        }
      }
      userData.put("watchlist", user.watchlist());
    }
    // UserData refuses id, user_info and watchlist as extra fields, so these only add.
    userData.putAll(user.extraFields());
    String userDataJson = toJson(userData, "user info");
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("auth", signatures.user(socketId, userDataJson));
    response.put("user_data", userDataJson);
    return codec.toJson(response);
  }

  /** The form fields a browser posts, e.g. {@code socket_id=1.2&channel_name=private-a}. */
  public static Map<String, String> parseForm(String body) {
    if (body == null) {
      throw new ValidationException("authorization request body must not be null");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
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
        throw new ValidationException("authorization request body is not form-encoded: " + e.getMessage(), e);
      }
    }
    return fields;
  }

  /** A required form field, with an error that names it. */
  public static String field(Map<String, String> form, String name) {
    String value = form.get(name);
    if (value == null || value.isEmpty()) {
      throw new ValidationException(name + " is missing from the authorization request body");
    }
    return value;
  }

  private ChannelEncryption requireEncryption(String channel) {
    if (encryption == null) {
      throw new ValidationException(
          "channel \"" + channel + "\" is encrypted but no encryption master key is configured;"
              + " set encryptionMasterKeyBase64(...) on the builder");
    }
    return encryption;
  }

  private String toJson(Object value, String what) {
    try {
      return codec.toJson(value);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(what + " cannot be serialized as JSON: " + e.getMessage(), e);
    }
  }
}
