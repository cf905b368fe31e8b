package dev.channels4j.cli;

import dev.channels4j.ChannelsClient;
import dev.channels4j.local.AcceptedEvent;
import dev.channels4j.local.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Commands run against one real local server per test class, on a free port of 127.0.0.1. */
abstract class LocalServerTest {
  static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  static LocalServer server;
  static ChannelsClient client;

  @BeforeAll
  static void startServer() {
    server = LocalServer.builder().host("127.0.0.1").port(0).clientEvents(true).userAuthentication(true).build().start();
    client = ChannelsClient.builder().url(server.pusherUrl()).encryptionMasterKeyBase64(MASTER_KEY).build();
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.close();
  }

  /** The command line, pointed at the server through PUSHER_URL. */
  static Cli cli() {
    return Cli.cli().env("PUSHER_URL", server.pusherUrl()).env("PUSHER_ENCRYPTION_MASTER_KEY", MASTER_KEY);
  }

  /** The events the server accepted on one channel. */
  static List<AcceptedEvent> accepted(String channel) {
    return server.acceptedEvents().stream().filter(event -> event.channel().equals(channel)).toList();
  }

  /** The URL of an app on a port where nothing listens. */
  static String downUrl() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://app-key:app-secret@127.0.0.1:" + socket.getLocalPort() + "/apps/app-id";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
