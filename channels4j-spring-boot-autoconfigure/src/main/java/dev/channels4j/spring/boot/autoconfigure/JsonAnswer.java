package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.spi.JsonCodec;
import java.util.Map;

/**
 * What an endpoint answers, whatever the web stack: a status and a JSON body. Error bodies are
 * {@code {"error": "..."}} written by the application's JSON codec (core's default without one).
 */
record JsonAnswer(int status, String body) {
  static final int OK = 200;
  static final int BAD_REQUEST = 400;
  static final int UNAUTHORIZED = 401;
  static final int FORBIDDEN = 403;
  static final int METHOD_NOT_ALLOWED = 405;
  static final int PAYLOAD_TOO_LARGE = 413;
  static final int SERVER_ERROR = 500;

  static JsonAnswer ok(String json) {
    return new JsonAnswer(OK, json);
  }

  static JsonAnswer error(JsonCodec codec, int status, String message) {
    return new JsonAnswer(status, codec.toJson(Map.of("error", message)));
  }
}
