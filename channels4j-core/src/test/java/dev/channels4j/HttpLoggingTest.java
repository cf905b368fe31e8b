package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.testing.RecordingHttpServer.Reply;
import dev.channels4j.testing.RecordingHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The debug log of {@code dev.channels4j.http}: one line per request with method, path and status,
 * and never the secret or a signature. slf4j-simple writes it to the file named in
 * src/test/resources/simplelogger.properties.
 */
class HttpLoggingTest {
  private static final Path LOG = Path.of("target", "channels4j-core-test.log");
  private static final String SECRET = "log-probe-secret-value";

  @Test
  void eachRequestLogsOneLineWithMethodPathAndStatusButNoSecretOrSignature() throws Exception {
    List<String> signatures;
    try (RecordingHttpServer server = RecordingHttpServer.start();
        ChannelsClient client = ChannelsClient.builder()
            .appId("log-probe").key("log-probe-key").secret(SECRET)
            .host("127.0.0.1").port(server.port()).useTls(false)
            .retryPolicy(RetryPolicy.none())
            .build()) {
      server.enqueue(Reply.json("{}"), Reply.text(400, "no such attribute"));

      client.trigger("c", "e", "d");
      assertThatThrownBy(() -> client.channel("c", Info.CACHE)).isInstanceOf(ApiException.class);

      signatures = server.requests().stream().map(r -> r.query().get("auth_signature")).toList();
    }

    String log = Files.readString(LOG, StandardCharsets.UTF_8);
    List<String> mine = log.lines().filter(line -> line.contains("/apps/log-probe/")).toList();
    assertThat(mine).hasSize(2);
    assertThat(mine.get(0)).containsPattern("POST /apps/log-probe/events -> 200 in \\d+ ms");
    assertThat(mine.get(1)).containsPattern("GET /apps/log-probe/channels/c -> 400 in \\d+ ms");
    assertThat(log).doesNotContain(SECRET).doesNotContain("auth_signature");
    assertThat(signatures).hasSize(2).allSatisfy(signature -> assertThat(log).doesNotContain(signature));
  }
}
