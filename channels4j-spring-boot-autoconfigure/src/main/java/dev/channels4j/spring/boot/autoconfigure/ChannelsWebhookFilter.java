package dev.channels4j.spring.boot.autoconfigure;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The servlet adapter of the webhook endpoint ({@link WebhookAnswers}): a filter ahead of every
 * other (Spring Security's included) so that it reads the raw body bytes whatever the content type:
 * nothing before it can have parsed a form-encoded body into parameters, which would make the
 * signature unverifiable.
 */
final class ChannelsWebhookFilter implements Filter {
  private final WebhookAnswers answers;

  ChannelsWebhookFilter(WebhookAnswers answers) {
    this.answers = answers;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      write(response, answers.notPosted());
      return;
    }
    byte[] body = readBody(request);
    write(response, body == null ? answers.tooLarge() : answers.receive(headers(request), body));
  }

  /** The body, or null when it is larger than allowed (then not read further). */
  private byte[] readBody(HttpServletRequest request) throws IOException {
    int max = answers.maxBodyBytes();
    long declared = request.getContentLengthLong();
    if (declared > max) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
    byte[] buffer = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (out.size() + read > max) {
          return null;
        }
        out.write(buffer, 0, read);
      }
    }
    return out.toByteArray();
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    return headers;
  }

  private static void write(HttpServletResponse response, JsonAnswer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    response.setStatus(answer.status());
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
