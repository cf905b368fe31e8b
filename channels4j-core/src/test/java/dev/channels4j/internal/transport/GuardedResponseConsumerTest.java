package dev.channels4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.junit.jupiter.api.Test;

/** The consumer that reads async answers on the I/O reactor: bounded, and nothing escapes it but IOExceptions. */
class GuardedResponseConsumerTest {

  @Test
  void anErrorWhileReadingTheHeadBecomesAnIoExceptionNotAnError() {
    GuardedResponseConsumer consumer = new GuardedResponseConsumer(1024);

    assertThatThrownBy(() -> consumer.consumeResponse(new BasicHttpResponse(200), entity(10, true),
            HttpCoreContext.create(), callback(new AtomicReference<>())))
        .isInstanceOf(IOException.class)
        .hasCauseInstanceOf(OutOfMemoryError.class);
  }

  @Test
  void bytesPastTheLimitFailTheExchange() throws Exception {
    GuardedResponseConsumer consumer = new GuardedResponseConsumer(8);
    consumer.consumeResponse(new BasicHttpResponse(200), entity(-1, false), HttpCoreContext.create(),
        callback(new AtomicReference<>()));
    consumer.consume(ByteBuffer.wrap(new byte[8]));

    assertThatThrownBy(() -> consumer.consume(ByteBuffer.wrap(new byte[1])))
        .isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  void aBodyWithinTheLimitIsDeliveredWhole() throws Exception {
    GuardedResponseConsumer consumer = new GuardedResponseConsumer(8);
    AtomicReference<SimpleHttpResponse> result = new AtomicReference<>();
    consumer.consumeResponse(new BasicHttpResponse(200), entity(-1, false), HttpCoreContext.create(), callback(result));
    consumer.consume(ByteBuffer.wrap("{\"a\":".getBytes()));
    consumer.consume(ByteBuffer.wrap("1}".getBytes()));
    consumer.streamEnd(List.of());

    assertThat(result.get().getBodyText()).isEqualTo("{\"a\":1}");
  }

  @Test
  void anAbandonedExchangeFailsItsNextRead() throws Exception {
    GuardedResponseConsumer consumer = new GuardedResponseConsumer(8);
    consumer.consumeResponse(new BasicHttpResponse(200), entity(-1, false), HttpCoreContext.create(),
        callback(new AtomicReference<>()));
    consumer.abandon();

    assertThatThrownBy(() -> consumer.consume(ByteBuffer.wrap(new byte[1]))).isInstanceOf(IOException.class);
  }

  private static FutureCallback<SimpleHttpResponse> callback(AtomicReference<SimpleHttpResponse> result) {
    return new FutureCallback<>() {
      @Override
      public void completed(SimpleHttpResponse response) {
        result.set(response);
      }

      @Override
      public void failed(Exception ex) {}

      @Override
      public void cancelled() {}
    };
  }

  /** Entity details; with {@code explode}, reading its content type throws an OutOfMemoryError. */
  private static EntityDetails entity(long length, boolean explode) {
    return new EntityDetails() {
      @Override
      public long getContentLength() {
        return length;
      }

      @Override
      public String getContentType() {
        if (explode) {
          throw new OutOfMemoryError("simulated");
        }
        return "application/json";
      }

      @Override
      public String getContentEncoding() {
        return null;
      }

      @Override
      public boolean isChunked() {
        return length < 0;
      }

      @Override
      public Set<String> getTrailerNames() {
        return Set.of();
      }
    };
  }
}
