package dev.channels4j.benchmarks.load;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.Publisher;
import dev.channels4j.PublisherOptions;
import dev.channels4j.PublisherStats;
import dev.channels4j.spi.Transport;
import dev.channels4j.spi.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The publisher's adaptive window against a simulated distance, without a network: a transport that
 * answers each request a round trip later, plus a handshake's cost whenever no idle connection is
 * left (a new connection). Shows how fast the window grows and where it settles, with little CPU, so
 * it means something on a busy machine where the TLS benchmark ({@code distance}) does not.
 *
 * <pre>
 * java -cp channels4j-benchmarks/target/benchmarks.jar dev.channels4j.benchmarks.load.WindowSimulation \
 *     RTT_MS HANDSHAKE_MS MIN_IN_FLIGHT MAX_IN_FLIGHT CHANNELS [PER_CHANNEL|NONE] [SECONDS]
 * </pre>
 */
public final class WindowSimulation {
  private WindowSimulation() {}

  public static void main(String[] args) throws Exception {
    long rttMs = Long.parseLong(args[0]);
    long handshakeMs = Long.parseLong(args[1]);
    int min = Integer.parseInt(args[2]);
    int max = Integer.parseInt(args[3]);
    int channels = Integer.parseInt(args[4]);
    PublisherOptions.Ordering ordering = args.length > 5 ? PublisherOptions.Ordering.valueOf(args[5])
        : PublisherOptions.Ordering.PER_CHANNEL;
    int seconds = args.length > 6 ? Integer.parseInt(args[6]) : 12;
    ScheduledExecutorService network = Executors.newScheduledThreadPool(2);
    AtomicInteger idle = new AtomicInteger();
    AtomicInteger opened = new AtomicInteger();
    TransportResponse ok = new TransportResponse(200, "{}".getBytes(StandardCharsets.UTF_8));
    Transport transport = request -> {
      CompletableFuture<TransportResponse> answer = new CompletableFuture<>();
      long delay = rttMs;
      int free;
      do {
        free = idle.get();
      } while (free > 0 && !idle.compareAndSet(free, free - 1));
      if (free == 0) {
        opened.incrementAndGet();
        delay += handshakeMs;
      }
      network.schedule(() -> {
        idle.incrementAndGet();
        answer.complete(ok);
      }, delay, TimeUnit.MILLISECONDS);
      return answer;
    };
    try (ChannelsClient client = ChannelsClient.builder().appId("1").key("key").secret("secret")
        .host("127.0.0.1").port(1).useTls(false).transport(transport).build()) {
      Publisher publisher = client.publisher(PublisherOptions.builder()
          .minInFlightRequests(min).maxInFlightRequests(max).ordering(ordering).build());
      Event[] events = new Event[channels];
      for (int c = 0; c < channels; c++) {
        events[c] = Event.of("bench-" + c, Workload.EVENT, Workload.DATA);
      }
      AtomicBoolean stop = new AtomicBoolean();
      Thread feeder = new Thread(() -> {
        for (int i = 0; !stop.get(); i++) {
          publisher.publish(events[i % channels]);
        }
      });
      feeder.start();
      for (int s = 1; s <= seconds; s++) {
        long before = publisher.stats().eventsSent();
        Thread.sleep(1000);
        PublisherStats stats = publisher.stats();
        System.out.printf("t=%2d s %7d events/s  window %3d  in flight %3d  connections opened %3d%n",
            s, stats.eventsSent() - before, stats.inFlightLimit(), stats.inFlightRequests(), opened.get());
      }
      stop.set(true);
      feeder.join();
      publisher.close(Duration.ofSeconds(2));
    } finally {
      network.shutdownNow();
    }
  }
}
