package dev.channels4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.local.LocalServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@LocalChannelsTest
class NestedExtensionTest {
  static LocalServer outer;

  @BeforeAll
  static void remember(LocalServer server) {
    outer = server;
  }

  @Test
  void outerTestUsesTheClassServer(LocalServer server) {
    assertThat(server).isSameAs(outer);
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Inner {
    @Test
    void nestedClassSharesTheEnclosingServer(LocalServer server) {
      assertThat(server).isSameAs(outer);
    }
  }
}
