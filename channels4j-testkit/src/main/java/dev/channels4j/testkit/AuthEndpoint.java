package dev.channels4j.testkit;

import dev.channels4j.protocol.Authorizer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The application's own auth endpoints, for a {@link TestSubscriber} that authorizes as a browser
 * running pusher-js does: a form-encoded POST of {@code socket_id} and {@code channel_name} to the
 * channel authorization URL, of {@code socket_id} to the user authentication URL, with the headers
 * given here (a session cookie, a bearer token...). A test then proves the application's endpoint
 * works, not only the server. Immutable.
 *
 * <pre>{@code
 * AuthEndpoint app = AuthEndpoint.builder()
 *     .channelAuthorization(URI.create("http://127.0.0.1:" + port + "/pusher/auth"))
 *     .userAuthentication(URI.create("http://127.0.0.1:" + port + "/pusher/user-auth"))
 *     .header("Authorization", "Bearer " + token)
 *     .build();
 * try (TestSubscriber alice = TestSubscriber.connect(server, app)) {
 *   alice.subscribe("private-orders");
 *   alice.signIn();
 * }
 * }</pre>
 *
 * <p>{@link #toString()} shows header names, never their values.
 */
public final class AuthEndpoint {
  private final URI channelAuthorization;
  private final URI userAuthentication;
  private final Map<String, List<String>> headers;

  private AuthEndpoint(Builder builder) {
    this.channelAuthorization = builder.channelAuthorization;
    this.userAuthentication = builder.userAuthentication;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    builder.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
  }

  /** A builder; at least one of the two URLs is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The channel authorization URL (private, presence and encrypted channels), if set. */
  public URI channelAuthorization() {
    return channelAuthorization;
  }

  /** The user authentication URL (sign-in), if set. */
  public URI userAuthentication() {
    return userAuthentication;
  }

  /** The headers sent with every request, by name. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  Authorizer authorizer(Duration timeout) {
    return Authorizer.endpoint(channelAuthorization, userAuthentication, headers, timeout);
  }

  @Override
  public String toString() {
    return "AuthEndpoint[channelAuthorization=" + channelAuthorization + ", userAuthentication=" + userAuthentication
        + ", headers=" + headers.keySet() + "]";
  }

  /**
   * Builds an {@link AuthEndpoint}; {@link #build()} fails with a message naming what to fix.
   *
   * <pre>{@code
   * AuthEndpoint.builder().channelAuthorization(URI.create("http://127.0.0.1:8080/pusher/auth")).build();
   * }</pre>
   */
  public static final class Builder {
    private URI channelAuthorization;
    private URI userAuthentication;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    private Builder() {}

    /** Where private, presence and encrypted subscriptions are authorized, e.g. {@code http://127.0.0.1:8080/pusher/auth}. */
    public Builder channelAuthorization(URI url) {
      this.channelAuthorization = requireHttp(url, "channelAuthorization");
      return this;
    }

    /** Where sign-ins are authenticated, e.g. {@code http://127.0.0.1:8080/pusher/user-auth}. */
    public Builder userAuthentication(URI url) {
      this.userAuthentication = requireHttp(url, "userAuthentication");
      return this;
    }

    /** A header sent with every request; repeat for several values or headers. */
    public Builder header(String name, String value) {
      if (name == null || name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
        throw new IllegalArgumentException("header name must be a non-empty token without spaces or ':', got \""
            + name + "\"");
      }
      Objects.requireNonNull(value, () -> "value of header " + name);
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("value of header " + name + " must not contain line breaks");
      }
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    public AuthEndpoint build() {
      if (channelAuthorization == null && userAuthentication == null) {
        throw new IllegalArgumentException("set channelAuthorization(URI), userAuthentication(URI), or both");
      }
      return new AuthEndpoint(this);
    }

    private static URI requireHttp(URI url, String what) {
      Objects.requireNonNull(url, what);
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
        throw new IllegalArgumentException(what + " must be an absolute http(s) URL, got " + url);
      }
      return url;
    }
  }
}
