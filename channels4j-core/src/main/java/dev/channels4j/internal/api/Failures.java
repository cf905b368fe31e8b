package dev.channels4j.internal.api;

import dev.channels4j.ChannelsException;
import dev.channels4j.TransportException;
import dev.channels4j.internal.Errors;
import dev.channels4j.internal.transport.ClientClosedException;
import dev.channels4j.internal.transport.ResponseTooLargeException;
import dev.channels4j.internal.transport.TransportFailure;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Maps an attempt that got no answer to the {@link TransportException} the user sees. A pure
 * function. The default transport hands over failures it understood already
 * ({@link TransportFailure}); any other transport's failures are read here by their JDK types.
 */
final class Failures {
  private Failures() {}

  /**
   * @param baseUri the server, for the message
   * @param timeout the request timeout, for the message
   */
  static ChannelsException of(ApiRequest request, Throwable thrown, String baseUri, Duration timeout) {
    Throwable failure = unwrap(thrown);
    if (failure instanceof ChannelsException channels) {
      return channels;
    }
    String what = request.toString();
    ClientClosedException closedClient = causeOf(failure, ClientClosedException.class);
    if (closedClient != null) {
      return Errors.transport(TransportException.Kind.CLOSED, what + ": " + closedClient.getMessage(), failure);
    }
    ResponseTooLargeException tooLarge = causeOf(failure, ResponseTooLargeException.class);
    if (tooLarge != null) {
      return Errors.transport(
          TransportException.Kind.RESPONSE_TOO_LARGE, what + ": " + tooLarge.getMessage()
              + "; the API's answers are kilobytes, so a server or proxy on the way misbehaves", tooLarge);
    }
    if (failure instanceof TransportFailure understood) {
      return Errors.transport(understood.kind(), what + ": " + understood.getMessage(), understood);
    }
    if (failure instanceof TimeoutException) {
      return Errors.transport(
          TransportException.Kind.TIMEOUT, what + " timed out after " + timeout.toMillis() + " ms", failure);
    }
    if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
      return Errors.transport(
          TransportException.Kind.CONNECTION_REFUSED,
          what + " could not connect to " + baseUri + ": " + failure.getMessage(), failure);
    }
    if (failure instanceof UnknownHostException) {
      return Errors.transport(
          TransportException.Kind.UNKNOWN_HOST, what + ": unknown host " + failure.getMessage(), failure);
    }
    if (failure instanceof InterruptedIOException) {
      return Errors.transport(
          TransportException.Kind.TIMEOUT, what + " timed out: " + failure.getMessage(), failure);
    }
    if (failure instanceof SocketException || failure instanceof EOFException || isResetMessage(failure)) {
      return Errors.transport(
          TransportException.Kind.CONNECTION_RESET,
          what + ": connection reset or closed before a response: " + failure.getMessage(), failure);
    }
    String kind = failure instanceof IOException ? "I/O failure" : "failure";
    return Errors.transport(TransportException.Kind.OTHER, what + " " + kind + ": " + failure, failure);
  }

  /** Strips the wrappers a future puts around the real failure. */
  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** {@code failure} itself or its nearest cause of the type (the wrappers are a few deep), or null. */
  private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** The NIO reactor reports a reset as a plain IOException ("Connection reset by peer", "Broken pipe"). */
  private static boolean isResetMessage(Throwable failure) {
    String message = failure.getMessage();
    return failure instanceof IOException && message != null
        && (message.contains("Connection reset") || message.contains("Broken pipe"));
  }
}
