package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryLineTest {

  @Test
  void namesWhyConnectionsWereClosedInPlainWords() {
    String line = LocalServer.summaryLine(3, 5, 2, 1, 0, 0);

    assertThat(line).isEqualTo("connections: 3 open; in the last minute 5 opened and 2 closed,"
        + " 1 of them because the client stopped reading its messages (close code 4100);"
        + " publishes refused because delivery was backed up (HTTP 429): 0;"
        + " webhooks dropped because their queue was full: 0");
  }
}
