package dev.channels4j.internal.transport;

import java.io.IOException;

/**
 * The server's answer is larger than the transport keeps. The Channels API answers in bytes or
 * kilobytes; an answer of megabytes comes from a broken proxy or a hostile server, and reading it
 * whole could exhaust the heap.
 */
public final class ResponseTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;
  private final long limit;

  ResponseTooLargeException(long limit, String detail) {
    super("the response is larger than the " + limit + " bytes a response may have (" + detail + ")");
    this.limit = limit;
  }

  /** The most bytes a response body may have. */
  public long limit() {
    return limit;
  }
}
