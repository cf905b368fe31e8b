package dev.channels4j.benchmarks.jmh;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.TriggerResult;
import dev.channels4j.internal.api.ClientSettings;
import dev.channels4j.internal.api.Dispatcher;
import dev.channels4j.internal.api.Requests;
import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spi.TransportRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Building and signing one trigger request (validation, JSON body, body MD5, HMAC, URI), and the
 * whole client path around a network call that answers at once.
 */
public class TriggerBenchmark extends CpuBenchmark {
  private Requests requests;
  private Dispatcher dispatcher;
  private ChannelsClient client;
  private Fixtures.CapturingPusher pusher;

  @Setup
  public void setUp() {
    client = Fixtures.channels4j();
    ClientSettings settings = new ClientSettings(
        Fixtures.APP_ID, Fixtures.KEY, Fixtures.SECRET, URI.create("http://127.0.0.1:6001"), Duration.ofSeconds(5),
        10 * 1024, 10, JacksonJsonCodecs.defaults(), request -> null, Clock.systemUTC(),
        dev.channels4j.RetryPolicy.none(), null);
    requests = new Requests(settings);
    dispatcher = new Dispatcher(settings);
    pusher = new Fixtures.CapturingPusher();
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  /** channels4j: validate, encode, serialize, sign: the request the transport would be handed. */
  @Benchmark
  public TransportRequest buildAndSign_channels4j() {
    return dispatcher.sign(requests.trigger(Event.of(Fixtures.CHANNEL, Fixtures.EVENT, Fixtures.DATA)));
  }

  /** pusher-http-java: the same, up to the URI and body it hands its HTTP client. */
  @Benchmark
  public Object buildAndSign_pusherHttpJava() {
    return pusher.trigger(Fixtures.CHANNEL, Fixtures.EVENT, Fixtures.DATA);
  }

  /** channels4j: a whole blocking trigger against a transport that answers {@code {}} at once. */
  @Benchmark
  public TriggerResult triggerWithoutNetwork_channels4j() {
    return client.trigger(Fixtures.CHANNEL, Fixtures.EVENT, Fixtures.DATA);
  }
}
