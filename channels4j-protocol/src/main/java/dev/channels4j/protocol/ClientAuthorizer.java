package dev.channels4j.protocol;

import dev.channels4j.ChannelType;
import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.ChannelAuthResponse;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserAuthResponse;
import dev.channels4j.auth.UserData;

/** Signs with the app's own credentials, as the app's auth endpoint would. */
record ClientAuthorizer(ChannelsClient client) implements Authorizer {

  @Override
  public AuthAnswer channel(String socketId, String channel, PresenceMember member) {
    if (ChannelType.of(channel) == ChannelType.PRESENCE) {
      if (member == null) {
        throw new SocketException("presence channel " + channel + " needs a member to join as", null);
      }
      return channelAnswer(client.authorizePresenceChannel(socketId, channel, member));
    }
    return channelAnswer(client.authorizeChannel(socketId, channel));
  }

  @Override
  public AuthAnswer user(String socketId, UserData user) {
    if (user == null) {
      throw new SocketException("signing in with a ChannelsClient needs the user to sign in as", null);
    }
    UserAuthResponse answer = client.authenticateUser(socketId, user);
    return new AuthAnswer(answer.auth(), null, null, answer.userData());
  }

  private static AuthAnswer channelAnswer(ChannelAuthResponse answer) {
    return new AuthAnswer(answer.auth(), answer.channelData().orElse(null), answer.sharedSecret().orElse(null), null);
  }

  @Override
  public String toString() {
    return "ClientAuthorizer";
  }
}
