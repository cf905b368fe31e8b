package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channels4j.testing.RecordingHttpServer;
import dev.channels4j.testing.RecordingHttpServer.Recorded;
import dev.channels4j.testing.SignatureCheck;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** One client shared by many threads: every request arrives intact and correctly signed. */
class ConcurrencyTest {
  private static final int THREADS = 16;
  private static final int TRIGGERS_PER_THREAD = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sixteenThreadsTriggeringThroughOneClientAllArriveIntactAndSigned() throws Exception {
    try (RecordingHttpServer server = RecordingHttpServer.start();
        // The real clock: signatures made at different seconds must each verify.
        ChannelsClient client = TestClients.builderFor(server).clock(Clock.systemUTC()).build()) {
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(threads.submit(() -> {
          go.await();
          for (int i = 0; i < TRIGGERS_PER_THREAD; i++) {
            client.trigger("thread-" + thread, "e" + i, Map.of("thread", thread, "i", i, "pad", "x".repeat(i)));
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> future : done) {
        future.get(120, TimeUnit.SECONDS);
      }
      threads.shutdown();

      List<Recorded> requests = server.requests();
      assertThat(requests).hasSize(THREADS * TRIGGERS_PER_THREAD);
      Set<String> seen = new HashSet<>();
      for (Recorded request : requests) {
        assertThat(request.query().get("body_md5")).isEqualTo(SignatureCheck.md5Hex(request.body()));
        assertThat(request.query().get("auth_signature"))
            .isEqualTo(SignatureCheck.expectedSignature(request, TestClients.SECRET));
        JsonNode body = JSON.readTree(request.body());
        JsonNode data = JSON.readTree(body.get("data").asText());
        int thread = data.get("thread").asInt();
        int i = data.get("i").asInt();
        assertThat(body.get("channels").get(0).asText()).isEqualTo("thread-" + thread);
        assertThat(body.get("name").asText()).isEqualTo("e" + i);
        assertThat(data.get("pad").asText()).hasSize(i);
        seen.add(thread + "/" + i);
      }
      assertThat(seen).hasSize(THREADS * TRIGGERS_PER_THREAD);
    }
  }
}
