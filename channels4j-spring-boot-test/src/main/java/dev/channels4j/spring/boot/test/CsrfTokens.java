package dev.channels4j.spring.boot.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscriber's side of {@link CsrfTokenFilter}: asks the application for its CSRF token with the
 * test's headers and returns those headers plus the token header and the cookies it was saved in.
 * When the application answers anything else (no CSRF protection, or its security refused the
 * request), the headers are returned as given and the auth request's own answer will say why.
 */
final class CsrfTokens {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

  private CsrfTokens() {}

  static Map<String, String> fetch(URI tokenUri, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri).timeout(Duration.ofSeconds(10)).GET();
    headers.forEach(request::header);
    HttpResponse<Void> answer;
    try {
      answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      return headers;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return headers;
    }
    String headerName = answer.headers().firstValue(CsrfTokenFilter.HEADER_NAME).orElse(null);
    String token = answer.headers().firstValue(CsrfTokenFilter.TOKEN).orElse(null);
    if (answer.statusCode() != 200 || headerName == null || token == null) {
      return headers;
    }
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(headerName, token);
    List<String> cookies = new ArrayList<>();
    headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Cookie"))
        .forEach(e -> cookies.add(e.getValue()));
    all.keySet().removeIf(name -> name.equalsIgnoreCase("Cookie"));
    for (String setCookie : answer.headers().allValues("Set-Cookie")) {
      int end = setCookie.indexOf(';');
      cookies.add((end < 0 ? setCookie : setCookie.substring(0, end)).trim());
    }
    if (!cookies.isEmpty()) {
      all.put("Cookie", String.join("; ", cookies));
    }
    return all;
  }
}
