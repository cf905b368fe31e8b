package dev.channels4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.local.LocalServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@LocalChannelsTest(serverPerMethod = true)
class ExtensionScopeTest {
  private static final List<LocalServer> seen = new ArrayList<>();

  @AfterAll
  static void eachMethodHadItsOwnServer() {
    assertThat(seen).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void first(LocalServer server) {
    seen.add(server);
  }

  @Test
  void second(LocalServer server) {
    seen.add(server);
  }
}
