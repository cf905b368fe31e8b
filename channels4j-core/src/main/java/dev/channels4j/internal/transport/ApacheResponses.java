package dev.channels4j.internal.transport;

import dev.channels4j.spi.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/** HttpClient's responses, async and classic, as {@link TransportResponse}s; the classic body read within its limit. */
final class ApacheResponses {
  private ApacheResponses() {}

  static TransportResponse of(SimpleHttpResponse response) {
    byte[] body = response.getBodyBytes();
    return new TransportResponse(response.getCode(), headersOf(response.getHeaders()), body == null ? new byte[0] : body);
  }

  /**
   * Reads a classic response, at most {@code limit} bytes of body. Past that it calls
   * {@code abort}, which must drop the connection: closing the body's stream would read the rest
   * of it, and a hostile body never ends.
   */
  static TransportResponse of(ClassicHttpResponse response, int limit, Runnable abort) throws IOException {
    HttpEntity entity = response.getEntity();
    byte[] body = entity == null ? new byte[0] : boundedBody(entity, limit, abort);
    return new TransportResponse(response.getCode(), headersOf(response.getHeaders()), body);
  }

  private static byte[] boundedBody(HttpEntity entity, int limit, Runnable abort) throws IOException {
    long announced = entity.getContentLength();
    if (announced > limit) {
      abort.run();
      throw new ResponseTooLargeException(limit, "Content-Length " + announced);
    }
    InputStream in = entity.getContent();
    if (in == null) {
      return new byte[0];
    }
    // One byte past the limit tells an answer of exactly the limit from a larger one.
    byte[] body = in.readNBytes((int) Math.min((long) limit + 1, Integer.MAX_VALUE - 8));
    if (body.length > limit) {
      abort.run();
      throw new ResponseTooLargeException(limit, "over " + limit + " bytes received");
    }
    in.close(); // at the end of the body already: releases the connection for reuse
    return body;
  }

  /**
   * The headers as the immutable map {@link TransportResponse} keeps, built directly (so it is not
   * copied again), repeated names merged in order.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> headersOf(Header[] headers) {
    List<Map.Entry<String, List<String>>> entries = new ArrayList<>(headers.length);
    next:
    for (Header header : headers) {
      for (int i = 0; i < entries.size(); i++) {
        Map.Entry<String, List<String>> entry = entries.get(i);
        if (entry.getKey().equals(header.getName())) {
          List<String> values = new ArrayList<>(entry.getValue());
          values.add(header.getValue());
          entries.set(i, Map.entry(entry.getKey(), List.copyOf(values)));
          continue next;
        }
      }
      entries.add(Map.entry(header.getName(), List.of(header.getValue())));
    }
    return Map.ofEntries(entries.toArray(new Map.Entry[0]));
  }
}
