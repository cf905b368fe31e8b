package dev.channels4j;

import dev.channels4j.internal.api.Dispatcher;

/**
 * The answer of a signed request to any endpoint ({@link ChannelsClient#get} and
 * {@link ChannelsClient#post}): its status and its body as text, unparsed. Immutable.
 *
 * <pre>{@code
 * RawResponse r = client.get("/channels/presence-room", Map.of("info", "user_count"));
 * int status = r.status();    // 200
 * String json = r.body();     // {"occupied":true,"user_count":2}
 * }</pre>
 *
 * <p>Only successes are returned as a {@code RawResponse}: an error status throws an
 * {@link ApiException}, whose {@link ApiException#body()} holds the answer.
 */
public final class RawResponse {
  private final int status;
  private final String body;

  RawResponse(int status, String body) {
    this.status = status;
    this.body = body;
  }

  static RawResponse of(Dispatcher.ApiResponse response) {
    return new RawResponse(response.status(), response.body());
  }

  /** The HTTP status, 2xx. */
  public int status() {
    return status;
  }

  /** The body as UTF-8 text; empty when there was none. */
  public String body() {
    return body;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawResponse that && status == that.status && body.equals(that.body);
  }

  @Override
  public int hashCode() {
    return 31 * status + body.hashCode();
  }

  @Override
  public String toString() {
    // The body can be large; its size says enough in a log line.
    return "RawResponse[status=" + status + ", body=" + body.length() + " chars]";
  }
}
