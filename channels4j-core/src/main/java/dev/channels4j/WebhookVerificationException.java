package dev.channels4j;

/**
 * A webhook was refused: a header is missing, the key is not this app's, the signature does not
 * match the body, the body is not a webhook, or an encrypted event could not be decrypted.
 * Nothing of the webhook is returned when this is thrown.
 *
 * <pre>{@code
 * try {
 *   Webhook hook = client.verifyWebhook(headers, body);
 * } catch (WebhookVerificationException e) {
 *   response.setStatus(401);
 * }
 * }</pre>
 */
public final class WebhookVerificationException extends ChannelsException {
  private static final long serialVersionUID = 1L;

  WebhookVerificationException(String message) {
    super(message);
  }

  WebhookVerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
