package dev.channels4j;

/**
 * Bad input or configuration, detected before any request is sent: nothing was published.
 * The message names the rule that was broken and the value that broke it.
 *
 * <pre>{@code
 * try {
 *   client.trigger("bad channel!", "ev", "{}");
 * } catch (ValidationException e) {
 *   // channel name "bad channel!" may only contain A-Z a-z 0-9 _ - = @ , . ;
 * }
 * }</pre>
 */
public final class ValidationException extends ChannelsException {
  private static final long serialVersionUID = 1L;

  ValidationException(String message) {
    super(message);
  }

  ValidationException(String message, Throwable cause) {
    super(message, cause);
  }
}
