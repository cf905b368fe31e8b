package dev.channels4j.spring.boot.autoconfigure;

import java.util.Locale;
import java.util.Set;

/** Which property keys hold channels4j secrets, however they are spelled (relaxed binding). */
final class SecretKeys {
  /** /actuator/configprops names a field relative to its properties bean: secret, url, password... */
  private static final Set<String> RELATIVE = Set.of("secret", "url", "encryptionmasterkey", "password");

  private SecretKeys() {}

  static boolean isSecret(String key) {
    if (key == null) {
      return false;
    }
    String k = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
    // The environment variables the README suggests: PUSHER_URL, PUSHER_ENCRYPTION_MASTER_KEY.
    if (k.equals("pusherurl") || k.equals("pusherencryptionmasterkey") || k.equals("pushersecret")
        || RELATIVE.contains(k)) {
      return true;
    }
    // /actuator/env names the full property: channels4j.secret, channels4j.webhooks.credentials[0].secret...
    return k.startsWith("channels4j")
        && (k.endsWith("secret") || k.endsWith("password") || k.endsWith("encryptionmasterkey") || k.equals("channels4jurl"));
  }
}
