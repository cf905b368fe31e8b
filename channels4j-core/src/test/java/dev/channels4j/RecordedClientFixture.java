package dev.channels4j;

import dev.channels4j.testing.RecordingHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@link RecordingHttpServer} and a client of it ({@link TestClients#builderFor}) for each test
 * of a subclass, both closed after it. A subclass adds settings by overriding {@link #configure}.
 *
 * <pre>{@code
 * class SomeTest extends RecordedClientFixture {
 *   @Test void sends() { client.trigger("c", "e", "d"); assertThat(server.requests()).hasSize(1); }
 * }
 * }</pre>
 */
abstract class RecordedClientFixture {
  protected RecordingHttpServer server;
  protected ChannelsClient client;

  /** The client's settings beyond {@link TestClients#builderFor}'s. */
  ChannelsClient.Builder configure(ChannelsClient.Builder builder) {
    return builder;
  }

  @BeforeEach
  void startServerAndClient() {
    server = RecordingHttpServer.start();
    client = configure(TestClients.builderFor(server)).build();
  }

  @AfterEach
  void closeClientAndServer() {
    client.close();
    server.close();
  }
}
