package dev.channels4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.local.LocalServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@LocalChannelsTest(serverPerMethod = true)
class ExtensionScopeTest {
  private static final List<LocalServer> seen = new ArrayList<>();
  private static final List<Integer> ports = new ArrayList<>();

  @AfterAll
  static void eachMethodHadItsOwnServerStoppedAfterIt() {
    assertThat(seen).hasSize(2).doesNotHaveDuplicates();
    for (int port : ports) {
      assertThatThrownBy(() -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
      }).as("port %d is closed", port).isInstanceOf(IOException.class);
    }
  }

  @Test
  void first(LocalServer server) {
    seen.add(server);
    ports.add(server.port());
    assertThat(server.port()).isNotEqualTo(6001);
  }

  @Test
  void second(LocalServer server) {
    seen.add(server);
    ports.add(server.port());
    assertThat(server.port()).isNotEqualTo(6001);
  }
}
