package dev.channels4j;

import dev.channels4j.internal.Errors;
import java.time.Duration;

/**
 * The root of every exception channels4j throws. All are unchecked, and the hierarchy is closed:
 * a {@code catch} or a {@code switch} over these five kinds covers every failure.
 *
 * <ul>
 *   <li>{@link ValidationException}: bad input or configuration, raised before anything is sent;
 *   <li>{@link ApiException}: the Channels API answered with an error;
 *   <li>{@link TransportException}: no answer arrived (timeout, refused, reset);
 *   <li>{@link PublishRejectedException}: a {@link Publisher} did not accept an event;
 *   <li>{@link WebhookVerificationException}: a webhook is not genuine or not readable.
 * </ul>
 *
 * <p>Only channels4j creates them: their constructors are not public, so a message or a field
 * can change without breaking anyone. In a test, provoke the real failure instead (a local server
 * answering 500, an invalid channel name).
 *
 * <pre>{@code
 * try {
 *   client.trigger("orders", "created", order);
 * } catch (ChannelsException e) {
 *   log.warn("could not publish: {}", e.getMessage());
 * }
 * }</pre>
 */
public abstract sealed class ChannelsException extends RuntimeException
    permits ValidationException, ApiException, TransportException, PublishRejectedException,
        WebhookVerificationException {
  private static final long serialVersionUID = 1L;

  static {
    Errors.install(new Factory());
  }

  ChannelsException(String message) {
    super(message);
  }

  ChannelsException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Hands the package-private constructors to the internal packages, once. */
  private static final class Factory implements Errors.Factory {
    @Override
    public ValidationException validation(String message, Throwable cause) {
      return new ValidationException(message, cause);
    }

    @Override
    public ValidationException invalidSetting(String setting, String message, Throwable cause) {
      return new ValidationException(setting, message, cause);
    }

    @Override
    public ApiException api(String message, int status, String body, Duration retryAfter) {
      return new ApiException(message, status, body, retryAfter);
    }

    @Override
    public TransportException transport(TransportException.Kind kind, String message, Throwable cause) {
      return new TransportException(kind, message, cause);
    }

    @Override
    public PublishRejectedException publishRejected(PublishRejectedException.Reason reason, String message) {
      return new PublishRejectedException(reason, message);
    }

    @Override
    public WebhookVerificationException webhookVerification(String message, Throwable cause) {
      return new WebhookVerificationException(message, cause);
    }
  }
}
