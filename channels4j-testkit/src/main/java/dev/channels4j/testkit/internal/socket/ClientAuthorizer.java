package dev.channels4j.testkit.internal.socket;

import dev.channels4j.ChannelType;
import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;

/** Signs with the app's own credentials, as the app's auth endpoint would. */
final class ClientAuthorizer implements Authorizer {
  private final ChannelsClient client;

  ClientAuthorizer(ChannelsClient client) {
    this.client = client;
  }

  @Override
  public AuthAnswer channel(String socketId, String channel, PresenceMember member) {
    if (ChannelType.of(channel) == ChannelType.PRESENCE) {
      if (member == null) {
        throw new SocketException("presence channel " + channel + " needs a member to join as", null);
      }
      return AuthAnswer.parse(client.authorizePresenceChannel(socketId, channel, member), channel);
    }
    return AuthAnswer.parse(client.authorizeChannel(socketId, channel), channel);
  }

  @Override
  public AuthAnswer user(String socketId, UserData user) {
    if (user == null) {
      throw new SocketException("signing in with a ChannelsClient needs the user to sign in as", null);
    }
    return AuthAnswer.parse(client.authenticateUser(socketId, user), "the sign-in of user " + user.id());
  }

  @Override
  public String toString() {
    return "ClientAuthorizer";
  }
}
