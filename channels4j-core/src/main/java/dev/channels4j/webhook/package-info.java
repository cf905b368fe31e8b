/**
 * Webhooks: verifying one (key, then HMAC-SHA256 of the raw body) and reading its events, decrypting
 * those of encrypted channels; read by {@code internal.webhook.WebhookReader}.
 */
package dev.channels4j.webhook;
