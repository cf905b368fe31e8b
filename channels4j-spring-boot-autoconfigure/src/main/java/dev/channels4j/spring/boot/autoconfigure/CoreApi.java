package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import dev.channels4j.webhook.Webhook;
import java.util.List;
import java.util.Map;

/** The calls into channels4j-core whose shape changed on the way to 1.0, in one place. */
final class CoreApi {
  private CoreApi() {}

  /** The JSON answer to a private or private-encrypted subscription. */
  static String authorizeChannel(ChannelsClient client, String socketId, String channel) {
    return client.authorizeChannel(socketId, channel).toJson();
  }

  /** The JSON answer to a presence subscription. */
  static String authorizePresence(ChannelsClient client, String socketId, String channel, PresenceMember member) {
    return client.authorizePresenceChannel(socketId, channel, member).toJson();
  }

  /** The JSON answer to a user sign-in. */
  static String authenticateUser(ChannelsClient client, String socketId, UserData user) {
    return client.authenticateUser(socketId, user).toJson();
  }

  /** Verifies a webhook with the client's own and its extra webhook credentials. */
  static Webhook verifyWebhook(ChannelsClient client, Map<String, List<String>> headers, byte[] body) {
    return client.verifyWebhook(headers, body);
  }
}
