package dev.channels4j.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The official Node server library ({@code pusher} 5.3.4) answering cases through
 * {@code interop/scripts/node-oracle.js}: one JSON case in, one JSON answer out, in order.
 */
final class NodeOracle implements AutoCloseable {
  private final NodeProcess process;

  private NodeOracle(NodeProcess process) {
    this.process = process;
  }

  static NodeOracle start() {
    return new NodeOracle(NodeProcess.start("node-oracle", "node-oracle.js"));
  }

  /** The library's answers to {@code cases}, index-aligned. */
  List<JsonNode> ask(List<ObjectNode> cases) {
    process.sendAll(cases);
    List<JsonNode> answers = new ArrayList<>(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      JsonNode answer = process.take(Duration.ofSeconds(60));
      if (answer.has("error") && answer.get("error").asText().startsWith("oracle failed")) {
        throw new AssertionError("the Node oracle failed on case " + cases.get(i) + ": " + answer.get("error").asText());
      }
      answers.add(answer);
    }
    return answers;
  }

  @Override
  public void close() {
    process.close();
  }
}
