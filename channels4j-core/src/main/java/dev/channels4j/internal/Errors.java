package dev.channels4j.internal;

import dev.channels4j.ApiException;
import dev.channels4j.ChannelsException;
import dev.channels4j.PublishRejectedException;
import dev.channels4j.TransportException;
import dev.channels4j.ValidationException;
import dev.channels4j.WebhookVerificationException;
import java.time.Duration;

/**
 * Creates channels4j's exceptions outside the package {@code dev.channels4j}, whose constructors
 * are package-private so they are not public API. {@link ChannelsException} installs the factory
 * when it is initialized (the JDK's "shared secrets" pattern).
 *
 * <pre>{@code
 * throw Errors.validation("channel name must not be empty");
 * }</pre>
 */
public final class Errors {
  private static volatile Factory factory;

  private Errors() {}

  /** The constructors, implemented in {@code dev.channels4j}. */
  public interface Factory {
    ValidationException validation(String message, Throwable cause);

    ValidationException invalidSetting(String setting, String message, Throwable cause);

    ApiException api(String message, int status, String body, Duration retryAfter);

    TransportException transport(TransportException.Kind kind, String message, Throwable cause);

    PublishRejectedException publishRejected(PublishRejectedException.Reason reason, String message);

    WebhookVerificationException webhookVerification(String message, Throwable cause);
  }

  /** Called once, by {@link ChannelsException}'s static initializer. */
  public static synchronized void install(Factory installed) {
    if (factory != null) {
      throw new IllegalStateException("the exception factory is installed already");
    }
    factory = installed;
  }

  public static ValidationException validation(String message) {
    return factory().validation(message, null);
  }

  public static ValidationException validation(String message, Throwable cause) {
    return factory().validation(message, cause);
  }

  /** A refused builder setting, named as {@link ValidationException#setting()} returns it. */
  public static ValidationException invalidSetting(String setting, String message) {
    return factory().invalidSetting(setting, message, null);
  }

  public static ValidationException invalidSetting(String setting, String message, Throwable cause) {
    return factory().invalidSetting(setting, message, cause);
  }

  public static ApiException api(String message, int status, String body, Duration retryAfter) {
    return factory().api(message, status, body, retryAfter);
  }

  public static TransportException transport(TransportException.Kind kind, String message, Throwable cause) {
    return factory().transport(kind, message, cause);
  }

  public static PublishRejectedException publishRejected(PublishRejectedException.Reason reason, String message) {
    return factory().publishRejected(reason, message);
  }

  public static WebhookVerificationException webhookVerification(String message) {
    return factory().webhookVerification(message, null);
  }

  public static WebhookVerificationException webhookVerification(String message, Throwable cause) {
    return factory().webhookVerification(message, cause);
  }

  private static Factory factory() {
    Factory installed = factory;
    if (installed == null) {
      try {
        // Initializing ChannelsException runs its static block, which installs the factory.
        Class.forName(ChannelsException.class.getName(), true, ChannelsException.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      installed = factory;
    }
    return installed;
  }
}
