package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.channels4j.ChannelsClient;
import dev.channels4j.testkit.LocalChannelsTest;
import dev.channels4j.testkit.TestSubscriber;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Jetty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application that runs its own Jetty (as a Spring Boot app on Jetty does) uses the test kit in
 * the same JVM: the local server's Jetty is relocated inside channels4j-local, so neither sees the
 * other. The build runs this once per Jetty line, named by the {@code application.jetty.line}
 * property.
 */
@LocalChannelsTest
class NextToApplicationJettyTest {
  private static Server applicationServer;

  @BeforeAll
  static void startTheApplicationsJetty() throws Exception {
    applicationServer = new Server();
    ServerConnector connector = new ServerConnector(applicationServer);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    applicationServer.addConnector(connector);
    applicationServer.start();
  }

  @AfterAll
  static void stopTheApplicationsJetty() throws Exception {
    applicationServer.stop();
  }

  @Test
  void theApplicationRunsItsOwnJettyLine() {
    String line = Objects.requireNonNull(System.getProperty("application.jetty.line"),
        "application.jetty.line: build with -Pjetty-12.0 or -Pjetty-12.1");
    assertTrue(Jetty.VERSION.startsWith(line + "."), "application's Jetty is " + Jetty.VERSION + ", not " + line);
    assertTrue(applicationServer.isStarted());
  }

  /** The README's first test kit example (RoundTripTest in the project without Jetty), next to the application's Jetty. */
  @Test
  void testKitRoundTripWorksNextToIt(ChannelsClient client, TestSubscriber subscriber) {
    subscriber.subscribe("private-orders");
    client.trigger("private-orders", "created", Map.of("id", 7));
    assertEquals(7, subscriber.awaitEvent("private-orders", "created").dataMap().get("id"));
  }
}
