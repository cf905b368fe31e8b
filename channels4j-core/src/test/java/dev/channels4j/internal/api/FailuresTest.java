package dev.channels4j.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsException;
import dev.channels4j.RequestEvent.Operation;
import dev.channels4j.TransportException;
import dev.channels4j.TransportException.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** {@link Failures}: an attempt without an answer becomes the right {@link TransportException}. */
class FailuresTest {
  private static final ApiRequest CHANNELS = ApiRequest.get(Operation.CHANNELS, "/apps/1/channels", Map.of());

  private static TransportException map(Throwable failure) {
    ChannelsException mapped = Failures.of(CHANNELS, failure, "https://api-eu.pusher.com:443", Duration.ofSeconds(5));
    assertThat(mapped).isInstanceOf(TransportException.class);
    return (TransportException) mapped;
  }

  @Test
  void aTimeoutNamesTheRequestTimeout() {
    TransportException e = map(new TimeoutException());

    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.getMessage()).isEqualTo("GET /apps/1/channels timed out after 5000 ms");
  }

  @Test
  void aRefusedConnectionNamesTheServer() {
    TransportException e = map(new ConnectException("Connection refused"));

    assertThat(e.kind()).isEqualTo(Kind.CONNECTION_REFUSED);
    assertThat(e.getMessage()).contains("https://api-eu.pusher.com:443");
  }

  @Test
  void anUnknownHostIsItsOwnKind() {
    assertThat(map(new UnknownHostException("api-xx.pusher.com")).kind()).isEqualTo(Kind.UNKNOWN_HOST);
  }

  @Test
  void aSocketTimeoutIsATimeout() {
    assertThat(map(new SocketTimeoutException("Read timed out")).kind()).isEqualTo(Kind.TIMEOUT);
  }

  @Test
  void anEndOfStreamOrAResetIsAReset() {
    assertThat(map(new EOFException()).kind()).isEqualTo(Kind.CONNECTION_RESET);
    assertThat(map(new IOException("Connection reset by peer")).kind()).isEqualTo(Kind.CONNECTION_RESET);
  }

  @Test
  void theWrappersOfAFutureAreSeenThrough() {
    assertThat(map(new CompletionException(new TimeoutException())).kind()).isEqualTo(Kind.TIMEOUT);
  }

  @Test
  void anythingElseIsOtherAndSaysWhatItWas() {
    TransportException e = map(new IllegalStateException("pool shut down"));

    assertThat(e.kind()).isEqualTo(Kind.OTHER);
    assertThat(e.getMessage()).contains("pool shut down");
  }
}
