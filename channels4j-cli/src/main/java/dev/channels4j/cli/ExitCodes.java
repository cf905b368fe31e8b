package dev.channels4j.cli;

/**
 * The exit codes of every command, stable for scripts.
 *
 * <pre>{@code
 * return failures.isEmpty() ? ExitCodes.OK : ExitCodes.SERVICE_ERROR;
 * }</pre>
 */
public final class ExitCodes {
  /** Everything worked. */
  public static final int OK = 0;
  /** The service answered with an error, or could not be reached. */
  public static final int SERVICE_ERROR = 1;
  /** Bad usage or bad input: a wrong option, an invalid name, an unreadable file. */
  public static final int BAD_INPUT = 2;

  private ExitCodes() {}
}
