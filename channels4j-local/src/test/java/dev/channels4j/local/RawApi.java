package dev.channels4j.local;

import dev.channels4j.internal.signing.RequestSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Hand-built API requests, signed with the core library's signer, for the error paths a client would refuse to send. */
final class RawApi {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final LocalServer server;
  private String key = LocalApp.DEFAULT_KEY;
  private String secret = LocalApp.DEFAULT_SECRET;

  RawApi(LocalServer server) {
    this.server = server;
  }

  RawApi credentials(String key, String secret) {
    this.key = key;
    this.secret = secret;
    return this;
  }

  HttpResponse<String> post(String path, String body) {
    return send("POST", path, Map.of(), body, now());
  }

  HttpResponse<String> get(String path, Map<String, String> params) {
    return send("GET", path, params, null, now());
  }

  HttpResponse<String> send(String method, String path, Map<String, String> params, String body, long timestamp) {
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    String query = new RequestSigner(key, secret).signedQuery(method, path, params, bytes, timestamp);
    return sendQuery(method, path, query, body);
  }

  HttpResponse<String> sendQuery(String method, String path, String query, String body) {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path + (query == null ? "" : "?" + query));
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest request = HttpRequest.newBuilder(uri).method(method, publisher)
        .header("Content-Type", "application/json").build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A signed POST of exact bytes, for bodies a String cannot hold (invalid UTF-8). */
  HttpResponse<String> postBytes(String path, byte[] body) {
    String query = new RequestSigner(key, secret).signedQuery("POST", path, Map.of(), body, now());
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path + "?" + query);
    HttpRequest request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/json").build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The signed query string of a request, for tests that write the request by hand. */
  String signedQuery(String method, String path, byte[] body) {
    return new RequestSigner(key, secret).signedQuery(method, path, Map.of(), body, now());
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
