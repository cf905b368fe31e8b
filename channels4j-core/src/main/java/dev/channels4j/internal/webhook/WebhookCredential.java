package dev.channels4j.internal.webhook;

/**
 * A key and secret a webhook may be signed with: the app's own, or one added with
 * {@code Builder.webhookCredentials} while credentials rotate. Holds the secret: never printed.
 */
public record WebhookCredential(String key, String secret) {
  @Override
  public String toString() {
    return "WebhookCredential[key=" + key + ", secret=<hidden>]";
  }
}
