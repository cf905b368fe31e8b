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
    this.host = root.getHost() != null
        ? new HttpHost(root.getScheme(), root.getHost(), root.getPort())
        : registryHost(root);
  }

  /**
   * A host name java.net.URI does not take as a server name, such as a Docker Compose service
   * {@code my_service} (underscores): read from the raw authority {@code name[:port]}.
   */
  private static HttpHost registryHost(URI root) {
    String authority = root.getRawAuthority();
    int colon = authority.lastIndexOf(':');
    if (colon < 0) {
      return new HttpHost(root.getScheme(), authority, -1);
    }
    return new HttpHost(root.getScheme(), authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)));
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
