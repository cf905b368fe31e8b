package dev.channels4j.internal.webhook;

import dev.channels4j.WebhookVerificationException;
import dev.channels4j.internal.Errors;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.internal.signing.Hashing;
import dev.channels4j.internal.validation.Validation;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.webhook.Webhook;
import dev.channels4j.webhook.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a webhook (key, then HMAC-SHA256 of the raw body in constant time), then reads its
 * events, decrypting those of encrypted channels. All or nothing: any failure throws and nothing
 * of the webhook is returned.
 */
public final class WebhookReader {
  public static final String KEY_HEADER = WebhookSigner.KEY_HEADER;
  public static final String SIGNATURE_HEADER = WebhookSigner.SIGNATURE_HEADER;

  private final String key;
  private final String secret;
  private final JsonCodec codec;
  private final ChannelEncryption encryption;
  /** The app's own credential first, then those added for rotation. */
  private final List<WebhookCredential> credentials;

  public WebhookReader(String key, String secret, JsonCodec codec, ChannelEncryption encryption) {
    this(key, secret, List.of(), codec, encryption);
  }

  /**
   * @param extra further credentials a webhook may be signed with (rotation); the app's own
   *     {@code key}/{@code secret} always count
   */
  public WebhookReader(
      String key, String secret, List<WebhookCredential> extra, JsonCodec codec, ChannelEncryption encryption) {
    this.key = key;
    this.secret = secret;
    this.codec = codec;
    this.encryption = encryption;
    List<WebhookCredential> all = new ArrayList<>(1 + extra.size());
    all.add(new WebhookCredential(key, secret));
    all.addAll(extra);
    this.credentials = List.copyOf(all);
  }

  /** The headers a genuine webhook with this body carries, in the shape {@link #verify} takes. */
  public Map<String, List<String>> sign(byte[] body) {
    if (body == null) {
      throw Errors.validation("body must not be null");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put(KEY_HEADER, List.of(key));
    headers.put(SIGNATURE_HEADER, List.of(WebhookSigner.signature(secret, body)));
    return Collections.unmodifiableMap(headers);
  }

  /**
   * Verifies the webhook whose headers are given (names case-insensitive). Each of the two headers
   * must appear exactly once: with two values, which one a proxy or framework hands on first is
   * not something a signature check may depend on.
   */
  public Webhook verify(Map<String, List<String>> headers, byte[] body) {
    if (headers == null) {
      throw Errors.validation("headers must not be null");
    }
    if (body == null) {
      throw Errors.validation("body must not be null");
    }
    return verify(single(headers, KEY_HEADER), single(headers, SIGNATURE_HEADER), body);
  }

  /** Verifies a webhook from its two header values; a {@code null} value is a missing header. */
  public Webhook verify(String givenKey, String signature, byte[] body) {
    if (body == null) {
      throw Errors.validation("body must not be null");
    }
    if (givenKey == null || givenKey.isBlank()) {
      throw Errors.webhookVerification("webhook has no " + KEY_HEADER + " header");
    }
    List<String> secrets = secretsFor(List.of(givenKey));
    if (secrets.isEmpty()) {
      throw Errors.webhookVerification(
          "webhook was signed with key \"" + givenKey + "\", which is not this app's key"
              + (credentials.size() > 1 ? " nor one given to webhookCredentials(...)" : ""));
    }
    if (signature == null || signature.isBlank()) {
      throw Errors.webhookVerification("webhook has no " + SIGNATURE_HEADER + " header");
    }
    if (!signedByAny(secrets, body, signature.trim())) {
      throw Errors.webhookVerification(
          "webhook signature does not match its body: the body was altered or signed with another secret");
    }
    return read(WebhookFields.utf8(body));
  }

  private Webhook read(String text) {
    Object parsed;
    try {
      parsed = codec.parse(text);
    } catch (IllegalArgumentException e) {
      throw Errors.webhookVerification("webhook body is not JSON: " + e.getMessage(), e);
    }
    if (!(parsed instanceof Map<?, ?> body)) {
      throw Errors.webhookVerification("webhook body is not a JSON object");
    }
    long timeMs = 0;
    Object time = body.get("time_ms");
    if (time != null) {
      timeMs = WebhookFields.timeMs(time);
    }
    Object rawEvents = body.get("events");
    List<WebhookEvent> events = new ArrayList<>();
    if (rawEvents != null) {
      if (!(rawEvents instanceof List<?> list)) {
        throw Errors.webhookVerification("webhook events is not an array");
      }
      for (int i = 0; i < list.size(); i++) {
        events.add(event(i, list.get(i)));
      }
    }
    return new Webhook(timeMs, events);
  }

  private WebhookEvent event(int index, Object raw) {
    if (!(raw instanceof Map<?, ?> map)) {
      throw Errors.webhookVerification("webhook event #" + index + " is not an object");
    }
    String name = string(map, "name", index, true);
    String channel = string(map, "channel", index, true);
    switch (name) {
      case "channel_occupied":
        return new WebhookEvent.ChannelOccupied(channel);
      case "channel_vacated":
        return new WebhookEvent.ChannelVacated(channel);
      case "member_added":
        return new WebhookEvent.MemberAdded(channel, string(map, "user_id", index, true));
      case "member_removed":
        return new WebhookEvent.MemberRemoved(channel, string(map, "user_id", index, true));
      case "cache_miss":
        return new WebhookEvent.CacheMiss(channel);
      case "subscription_count":
        if (!(map.get("subscription_count") instanceof Number count)) {
          throw Errors.webhookVerification(
              "webhook event #" + index + " (subscription_count) has no numeric subscription_count");
        }
        return new WebhookEvent.SubscriptionCount(channel, count.intValue());
      case "client_event":
        return new WebhookEvent.ClientEvent(
            channel,
            string(map, "event", index, true),
            data(index, channel, map.get("data")),
            Optional.ofNullable(string(map, "socket_id", index, false)),
            Optional.ofNullable(string(map, "user_id", index, false)));
      default:
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        if (map.get("data") != null) {
          fields.put("data", data(index, channel, map.get("data")));
        }
        return new WebhookEvent.Other(name, channel, fields);
    }
  }

  /** Event data as JSON text; decrypted on encrypted channels. */
  private String data(int index, String channel, Object data) {
    if (data == null) {
      return null;
    }
    String text = data instanceof String s ? s : codec.toJson(data);
    if (!Validation.isEncrypted(channel)) {
      return text;
    }
    if (encryption == null) {
      throw Errors.webhookVerification(
          "webhook event #" + index + " on encrypted channel \"" + channel
              + "\" cannot be decrypted: no encryption master key is configured");
    }
    Object envelope;
    try {
      envelope = codec.parse(text);
    } catch (IllegalArgumentException e) {
      throw Errors.webhookVerification(
          "webhook event #" + index + " on encrypted channel \"" + channel + "\" has data that is not an encrypted envelope", e);
    }
    if (!(envelope instanceof Map<?, ?> fields)
        || !(fields.get("nonce") instanceof String nonce)
        || !(fields.get("ciphertext") instanceof String ciphertext)) {
      throw Errors.webhookVerification(
          "webhook event #" + index + " on encrypted channel \"" + channel + "\" has no nonce and ciphertext");
    }
    try {
      return new String(encryption.decrypt(channel, nonce, ciphertext), StandardCharsets.UTF_8);
    } catch (ChannelEncryption.DecryptionException e) {
      throw Errors.webhookVerification(
          "webhook event #" + index + " on encrypted channel \"" + channel + "\" could not be decrypted: "
              + e.getMessage(), e);
    }
  }

  private static String string(Map<?, ?> map, String field, int index, boolean required) {
    Object value = map.get(field);
    if (value == null) {
      if (required) {
        throw Errors.webhookVerification("webhook event #" + index + " has no " + field);
      }
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number) {
      return String.valueOf(value);
    }
    throw Errors.webhookVerification("webhook event #" + index + " field " + field + " is not a string");
  }

  /** The one value of a header, {@code null} when absent; two or more values are refused. */
  private static String single(Map<String, List<String>> headers, String name) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null) {
        for (String value : entry.getValue()) {
          // A null value is a missing one: it must be refused as such, not crash the check.
          if (value != null) {
            values.add(value);
          }
        }
      }
    }
    if (values.size() > 1) {
      throw Errors.webhookVerification(
          "webhook has " + values.size() + " " + name + " headers; a genuine webhook has exactly one");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  /**
   * The secrets of every credential whose key is one of the presented keys: the key header selects
   * the secret. Keys are compared in constant time, and every credential is looked at.
   */
  private List<String> secretsFor(List<String> presentedKeys) {
    List<String> secrets = new ArrayList<>(1);
    for (WebhookCredential credential : credentials) {
      boolean match = false;
      for (String presented : presentedKeys) {
        match |= Hashing.constantTimeEquals(presented.trim(), credential.key());
      }
      if (match) {
        secrets.add(credential.secret());
      }
    }
    return secrets;
  }

  /** Whether the signature is the body's HMAC under one of the secrets; each compared in constant time. */
  private static boolean signedByAny(List<String> secrets, byte[] body, String signatureHex) {
    boolean valid = false;
    for (String candidate : secrets) {
      valid |= Hashing.hexSignatureMatches(Hashing.hmacSha256(candidate, body), signatureHex);
    }
    return valid;
  }

  @Override
  public String toString() {
    return "WebhookReader[key=" + key + "]";
  }
}
