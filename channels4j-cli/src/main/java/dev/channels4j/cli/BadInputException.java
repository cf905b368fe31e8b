package dev.channels4j.cli;

/**
 * Input the command cannot use: an unreadable file, text that is not JSON, a missing field. Exits
 * with {@link ExitCodes#BAD_INPUT}; the message names the argument and the problem.
 *
 * <pre>{@code
 * throw new BadInputException("--count must be at least 1, got " + count);
 * }</pre>
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
