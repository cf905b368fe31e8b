package dev.channels4j.internal.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Reads one response on an I/O reactor thread into memory, with three guards:
 * <ul>
 *   <li>the body is bounded: past {@code limit} bytes (announced or received) the exchange fails
 *       with a {@link ResponseTooLargeException} and its connection is dropped, so an endless body
 *       costs at most {@code limit} bytes;
 *   <li>nothing it throws is an {@link Error}: an error escaping a consumer kills the reactor
 *       thread that ran it, and with it every later exchange of the client, so any throwable
 *       becomes an {@link IOException} that fails this exchange alone;
 *   <li>it can be abandoned: cancelling an exchange from outside the reactor does not always
 *       release its connection while the body is still arriving (seen with a trickling server),
 *       failing the next read from inside the reactor does.
 * </ul>
 */
final class GuardedResponseConsumer implements AsyncResponseConsumer<SimpleHttpResponse> {
  private final int limit;
  private volatile boolean abandoned;
  private HttpResponse head;
  private ContentType contentType;
  private FutureCallback<SimpleHttpResponse> callback;
  private byte[] body = new byte[0];
  private int length;

  GuardedResponseConsumer(int limit) {
    this.limit = limit;
  }

  void abandon() {
    abandoned = true;
  }

  private void failIfAbandoned() throws IOException {
    if (abandoned) {
      throw new InterruptedIOException("response abandoned: the request timed out or was cancelled");
    }
  }

  @Override
  public void consumeResponse(
      HttpResponse response, EntityDetails entity, HttpContext context, FutureCallback<SimpleHttpResponse> callback)
      throws IOException {
    try {
      failIfAbandoned();
      if (entity == null) {
        callback.completed(SimpleHttpResponse.copy(response));
        return;
      }
      long announced = entity.getContentLength();
      if (announced > limit) {
        throw new ResponseTooLargeException(limit, "Content-Length " + announced);
      }
      this.head = response;
      this.callback = callback;
      this.contentType = entity.getContentType() == null ? null : ContentType.parseLenient(entity.getContentType());
      this.body = new byte[(int) Math.max(0, Math.min(announced, 8192))];
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) {
      throw contained(t);
    }
  }

  @Override
  public void informationResponse(HttpResponse response, HttpContext context) {
    // 1xx answers carry nothing the API uses
  }

  @Override
  public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
    try {
      failIfAbandoned();
      // The body is bounded by the limit, not by flow control: read as fast as it arrives.
      capacityChannel.update(Integer.MAX_VALUE);
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) {
      throw contained(t);
    }
  }

  @Override
  public void consume(ByteBuffer src) throws IOException {
    try {
      failIfAbandoned();
      int incoming = src.remaining();
      if ((long) length + incoming > limit) {
        throw new ResponseTooLargeException(limit, "over " + limit + " bytes received");
      }
      if (length + incoming > body.length) {
        body = Arrays.copyOf(body, (int) Math.min(limit, Math.max((long) body.length * 2, length + incoming)));
      }
      src.get(body, length, incoming);
      length += incoming;
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) {
      throw contained(t);
    }
  }

  @Override
  public void streamEnd(List<? extends Header> trailers) throws IOException {
    try {
      failIfAbandoned();
      SimpleHttpResponse response = SimpleHttpResponse.copy(head);
      response.setBody(length == body.length ? body : Arrays.copyOf(body, length), contentType);
      body = null;
      FutureCallback<SimpleHttpResponse> done = callback;
      callback = null;
      if (done != null) {
        done.completed(response);
      }
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) {
      throw contained(t);
    }
  }

  @Override
  public void failed(Exception cause) {
    body = null;
    FutureCallback<SimpleHttpResponse> done = callback;
    callback = null;
    if (done != null) {
      try {
        done.failed(cause);
      } catch (RuntimeException | Error ignored) {
        // the exchange has failed already; nothing may escape to the reactor
      }
    }
  }

  @Override
  public void releaseResources() {
    body = null;
  }

  /** Turns what must not reach the reactor (an OutOfMemoryError among others) into this exchange's failure. */
  private static IOException contained(Throwable t) {
    return new IOException("reading the response failed: " + t, t);
  }
}
