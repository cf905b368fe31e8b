package dev.channels4j.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.local.AcceptedEvent;
import dev.channels4j.local.Limits;
import dev.channels4j.local.LocalServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BatchRun} when the library refuses an event the line checks let through (their limits differ). */
class BatchRunTest {

  @Test
  void anEventTheLibraryRefusesIsBlamedOnItsOwnLineAndTheOthersAreStillSent() {
    try (LocalServer server = LocalServer.builder().host("127.0.0.1").port(0)
            .limits(Limits.builder().maxDataBytes(50_000).build()).build().start();
        // The client keeps the default 10 240-byte limit; the lines were checked against 20 000.
        ChannelsClient client = ChannelsClient.builder().url(server.pusherUrl()).build()) {
      List<BatchLine> lines = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        String data = i == 4 ? "x".repeat(15_000) : "{\\\"n\\\":" + i + "}";
        lines.add(BatchLine.parse(i, "{\"channel\":\"run-big\",\"name\":\"ev\",\"data\":\"" + data + "\"}", false, 20_000));
      }
      assertThat(lines).allMatch(BatchLine::valid);

      BatchRun.Outcome outcome = new BatchRun(client, 10, 1,
          Progress.of(new PrintWriter(new StringWriter()), 10, false, false)).send(lines);

      assertThat(outcome.sent()).isEqualTo(9);
      assertThat(outcome.failures()).singleElement().satisfies(failure -> {
        assertThat(failure.lines()).containsExactly(4);
        assertThat(failure.refusedBeforeSending()).isTrue();
        assertThat(failure.message()).contains("15000 bytes");
      });
      assertThat(server.acceptedEvents().stream().filter(e -> e.channel().equals("run-big")).map(AcceptedEvent::data))
          .hasSize(9).doesNotContain("x".repeat(15_000));
    }
  }
}
