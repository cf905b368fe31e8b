package dev.channels4j.webhook;

import dev.channels4j.ChannelsException;

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
public class WebhookVerificationException extends ChannelsException {
  private static final long serialVersionUID = 1L;

  public WebhookVerificationException(String message) {
    super(message);
  }

  public WebhookVerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
