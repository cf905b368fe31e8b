package dev.channels4j.interop;

/**
 * The scenarios against our own local server (channels4j-local): the same pusher-js client and the
 * same expectations as against soketi, so the local server is held to a peer we did not write.
 * Unlike soketi it behaves as Pusher does where the scenarios can tell: triggers answer {@code {}},
 * client_event webhooks carry {@code data} as a string, and user authentication does not force
 * connections to authorize.
 */
class LocalServerScenariosTest extends ServerScenarios {
  @Override
  PusherServer.Factory serverFactory() {
    return LocalPusherServer::start;
  }
}
