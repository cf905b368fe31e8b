package dev.channels4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class HttpComponentsVersionsTest {

  @Test
  void aLinkageErrorIsExplainedWithTheVersionsOnTheClassPath() {
    NoClassDefFoundError missing = new NoClassDefFoundError("org/apache/hc/core5/http/nio/command/StaleCheckCommand");

    IOException explained = HttpComponentsVersions.explain(missing);

    assertThat(explained.getMessage())
        .contains("StaleCheckCommand")
        .containsPattern("httpclient5 5\\.\\d+\\.\\d+")
        .containsPattern("httpcore5 5\\.\\d+\\.\\d+")
        .contains("httpcore5-h2");
    assertThat(explained).hasCause(missing);
  }

  @Test
  void anyOtherFailureIsWrappedWithItsOwnMessage() {
    IllegalStateException shutDown = new IllegalStateException("Connection pool shut down");

    IOException explained = HttpComponentsVersions.explain(shutDown);

    assertThat(explained.getMessage()).contains("Connection pool shut down").doesNotContain("httpcore5");
    assertThat(explained).hasCause(shutDown);
  }
}
