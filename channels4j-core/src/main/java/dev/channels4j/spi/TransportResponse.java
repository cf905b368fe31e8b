package dev.channels4j.spi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status, headers and body of a response, as a {@link Transport} hands it back.
 *
 * <pre>{@code
 * new TransportResponse(200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
 * }</pre>
 *
 * @param status the HTTP status code
 * @param headers the response headers; names as received
 * @param body the body bytes, empty when there was none
 */
public record TransportResponse(int status, Map<String, List<String>> headers, byte[] body) {

  public TransportResponse {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  public TransportResponse(int status, byte[] body) {
    this(status, Map.of(), body);
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The first value of a header, its name matched case-insensitively. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return Optional.of(entry.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "TransportResponse[status=" + status + ", " + body.length + " bytes]";
  }
}
