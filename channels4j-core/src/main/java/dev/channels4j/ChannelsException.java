package dev.channels4j;

/**
 * The root of every exception channels4j throws. All are unchecked.
 *
 * <ul>
 *   <li>{@link ValidationException}: bad input or configuration, raised before anything is sent;
 *   <li>{@link ApiException}: the Channels API answered with an error;
 *   <li>{@link TransportException}: no answer arrived (timeout, refused, reset);
 *   <li>{@link dev.channels4j.webhook.WebhookVerificationException}: a webhook is not genuine or not readable.
 * </ul>
 *
 * <pre>{@code
 * try {
 *   client.trigger("orders", "created", order);
 * } catch (ChannelsException e) {
 *   log.warn("could not publish: {}", e.getMessage());
 * }
 * }</pre>
 */
public class ChannelsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected ChannelsException(String message) {
    super(message);
  }

  protected ChannelsException(String message, Throwable cause) {
    super(message, cause);
  }
}
