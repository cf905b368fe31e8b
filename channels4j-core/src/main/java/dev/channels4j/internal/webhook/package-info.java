/**
 * Not API. {@code WebhookReader} verifies and reads webhooks; {@code WebhookSigner} is the one webhook
 * signer (the local server uses it too); {@code WebhookCredential} is a key and secret during rotation.
 */
package dev.channels4j.internal.webhook;
