package dev.channels4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.local.AcceptedEvent;
import dev.channels4j.local.Limits;
import dev.channels4j.local.LocalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch --max-data-size} for a cluster that allows more than 10 KB per event. */
class BatchMaxDataSizeTest {
  @TempDir Path dir;

  @Test
  void aRaisedMaxDataSizeReachesTheLibrarySoLargeEventsAreSentWithTheirBatch() throws Exception {
    try (LocalServer server = LocalServer.builder().host("127.0.0.1").port(0)
        .limits(Limits.builder().maxDataBytes(50_000).build()).build().start()) {
      List<String> lines = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        String data = i == 4 ? "\"" + "x".repeat(15_000) + "\"" : "{\"n\":" + i + "}";
        lines.add("{\"channel\":\"big-ok\",\"name\":\"ev\",\"data\":" + data + "}");
      }
      Path file = Files.write(dir.resolve("events.jsonl"), lines);

      Cli.Result result = Cli.cli().env("PUSHER_URL", server.pusherUrl())
          .run("batch", file.toString(), "--max-data-size", "20000");

      assertThat(result.exit()).as(result.toString()).isZero();
      assertThat(result.out()).startsWith("Sent 10 of 10 events in 1 batch");
      assertThat(server.acceptedEvents().stream().filter(e -> e.channel().equals("big-ok")).map(AcceptedEvent::data))
          .hasSize(10).contains("x".repeat(15_000));
    }
  }
}
