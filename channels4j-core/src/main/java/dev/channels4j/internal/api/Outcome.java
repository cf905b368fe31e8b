package dev.channels4j.internal.api;

import dev.channels4j.ChannelsException;

/**
 * How one attempt ended: a response or an error, and the HTTP status (0 when no answer arrived).
 *
 * @param response the successful answer, or null
 * @param error the failure, or null
 * @param status the answer's HTTP status; 0 without one
 */
record Outcome(Dispatcher.ApiResponse response, ChannelsException error, int status) {
  static Outcome ok(Dispatcher.ApiResponse response) {
    return new Outcome(response, null, response.status());
  }

  static Outcome failed(ChannelsException error) {
    return new Outcome(null, error, 0);
  }

  static Outcome failed(ChannelsException error, int status) {
    return new Outcome(null, error, status);
  }
}
