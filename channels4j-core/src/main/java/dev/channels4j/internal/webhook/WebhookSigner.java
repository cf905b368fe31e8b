package dev.channels4j.internal.webhook;

import dev.channels4j.internal.signing.Hashing;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a webhook body as Pusher does: {@code X-Pusher-Key} is the app key and
 * {@code X-Pusher-Signature} the lower-case hex HMAC-SHA256 of the exact body bytes with the app
 * secret. The one signer: the client's {@code signWebhook} and the local server's webhook
 * deliveries both use it, and {@link WebhookReader} checks against it.
 */
public final class WebhookSigner {
  public static final String KEY_HEADER = "X-Pusher-Key";
  public static final String SIGNATURE_HEADER = "X-Pusher-Signature";

  private WebhookSigner() {}

  /** The signature header's value for this body. */
  public static String signature(String secret, byte[] body) {
    return Hashing.hmacSha256Hex(secret, body);
  }

  /** Both headers, key first, in a new mutable map (callers add their own, e.g. Content-Type). */
  public static Map<String, String> headers(String key, String secret, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(KEY_HEADER, key);
    headers.put(SIGNATURE_HEADER, signature(secret, body));
    return headers;
  }
}
