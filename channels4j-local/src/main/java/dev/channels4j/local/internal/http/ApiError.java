package dev.channels4j.local.internal.http;

/** An HTTP API failure: the status and the plain-text message Pusher would give. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  static ApiError unauthorized(String message) {
    return new ApiError(401, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message);
  }

  static ApiError tooLarge(String message) {
    return new ApiError(413, message);
  }
}
