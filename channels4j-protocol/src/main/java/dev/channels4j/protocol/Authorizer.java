package dev.channels4j.protocol;

import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Who answers a subscriber's authorization requests: the app's own credentials through a
 * {@link ChannelsClient} (as the app's auth endpoint would), or the application's real auth
 * endpoint over HTTP, as a browser running pusher-js calls it.
 *
 * <pre>{@code
 * Authorizer byClient = Authorizer.of(client);
 * Authorizer byApp = Authorizer.endpoint(URI.create("http://127.0.0.1:8080/pusher/auth"), null,
 *     Map.of("Cookie", List.of("session=abc")), Duration.ofSeconds(5));
 * }</pre>
 */
public interface Authorizer {
  /** Public channels only: every authorization fails with a message saying how to get one. */
  Authorizer NONE = new Authorizer() {
    @Override
    public AuthAnswer channel(String socketId, String channel, PresenceMember member) {
      throw new SocketException("channel " + channel + " needs authorization, and this subscriber has no"
          + " authorizer: connect with a ChannelsClient or an auth endpoint", null);
    }

    @Override
    public AuthAnswer user(String socketId, UserData user) {
      throw new SocketException("signing in needs authorization, and this subscriber has no authorizer:"
          + " connect with a ChannelsClient or an auth endpoint", null);
    }

    @Override
    public String toString() {
      return "no authorizer";
    }
  };

  /**
   * Authorizes a private, presence or encrypted channel subscription.
   *
   * @param member who joins a presence channel; ignored by an endpoint, which decides that itself
   * @throws SocketException when the authorization is refused or fails
   */
  AuthAnswer channel(String socketId, String channel, PresenceMember member);

  /**
   * Authenticates a user sign-in.
   *
   * @param user who signs in; ignored by an endpoint, which decides that itself
   * @throws SocketException when the authentication is refused or fails
   */
  AuthAnswer user(String socketId, UserData user);

  /** Signs with the app's credentials the client holds (the client is not closed here). */
  static Authorizer of(ChannelsClient client) {
    return client == null ? NONE : new ClientAuthorizer(client);
  }

  /**
   * POSTs {@code socket_id} and {@code channel_name} (form-encoded, as pusher-js does) to the
   * application's endpoints.
   *
   * @param channelUrl the channel authorization endpoint, or null when only user sign-in is used
   * @param userUrl the user authentication endpoint, or null when sign-in is not used
   * @param headers sent with every request (cookies, bearer tokens...)
   */
  static Authorizer endpoint(URI channelUrl, URI userUrl, Map<String, List<String>> headers, Duration timeout) {
    return new EndpointAuthorizer(channelUrl, userUrl, headers, timeout);
  }
}
