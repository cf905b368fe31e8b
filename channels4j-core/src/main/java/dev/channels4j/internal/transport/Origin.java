package dev.channels4j.internal.transport;

import java.net.URI;
import org.apache.hc.core5.http.HttpHost;

/**
 * The parsed form of the origin a client talks to ({@code http://127.0.0.1:6001}). A client talks
 * to one origin, so the last one is kept: requests then reach HttpClient without a URI parse.
 */
final class Origin {
  private static volatile Origin last;

  final String text;
  final HttpHost host;
  /** The origin as a URI with path {@code /}, for request types that must be made from a URI. */
  final URI root;

  private Origin(String text) {
    this.text = text;
    this.root = URI.create(text + "/");
    this.host = new HttpHost(root.getScheme(), root.getHost(), root.getPort());
  }

  static Origin of(String text) {
    Origin origin = last;
    if (origin == null || !origin.text.equals(text)) {
      origin = new Origin(text);
      last = origin;
    }
    return origin;
  }
}
