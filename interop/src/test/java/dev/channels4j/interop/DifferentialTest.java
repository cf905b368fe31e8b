package dev.channels4j.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test class that asks the official Node library for its answers: one oracle process per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DifferentialTest {
  NodeOracle node;

  @BeforeAll
  void startOracle() {
    node = NodeOracle.start();
  }

  @AfterAll
  void stopOracle() {
    if (node != null) {
      node.close();
    }
  }
}
